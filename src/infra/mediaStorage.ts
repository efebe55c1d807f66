import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { Env } from './env'

type S3Settings = Pick<Env, 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>

/** Where uploads live: the bucket when S3_BUCKET is set (shared by every instance), the local media folder otherwise. */
export const mediaStorageKind = (settings: Pick<Env, 'S3_BUCKET'>): 's3' | 'local' => (settings.S3_BUCKET ? 's3' : 'local')

/** The S3 client's options; keys from the environment when given, the SDK's default chain (instance role …) otherwise. */
export function s3ClientConfig(settings: S3Settings) {
  const credentials =
    settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY }
      : undefined
  return {
    region: settings.S3_REGION,
    endpoint: settings.S3_ENDPOINT,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    credentials,
    // Checksums only where S3 demands them: MinIO releases and other S3-compatible stores refuse the SDK's
    // default streamed CRC32 trailers on upload.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  }
}

/**
 * Media through @payloadcms/storage-s3 when a bucket is configured. The uploading instance makes every image size
 * once (sharp) and puts each in the bucket; any instance answers /api/media/file/… from there. The plugin is always
 * listed with its fields inserted, so the database schema is the same with or without a bucket.
 */
export function mediaStoragePlugin(settings: S3Settings): Plugin {
  return s3Storage({
    enabled: mediaStorageKind(settings) === 's3',
    alwaysInsertFields: true,
    collections: { media: true },
    bucket: settings.S3_BUCKET ?? 'media',
    config: s3ClientConfig(settings),
  })
}

/** Readiness of the bucket: one HEAD request with the instance's own credentials. */
export function s3BucketCheck(settings: S3Settings): () => Promise<void> {
  const client = new S3Client(s3ClientConfig(settings))
  return async () => {
    await client.send(new HeadBucketCommand({ Bucket: settings.S3_BUCKET }))
  }
}
