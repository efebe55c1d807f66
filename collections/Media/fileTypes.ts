// What an upload is, by its bytes rather than its name, and how a file of each type is served.

/** Extensions that name each image type we store; the first is the one a renamed file gets. */
const EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/gif': ['gif'],
}

/**
 * The name to store an upload under: its own base name with the extension of the type its bytes show, so a PNG/HTML
 * polyglot sent as `poly.html` is kept as `poly.png`. A name whose extension already fits the type is kept.
 */
export function nameForType(name: string, mime: string): string {
  const extensions = EXTENSIONS[mime]
  if (!extensions) return name
  const dot = name.lastIndexOf('.')
  const base = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  if (extensions.includes(extension)) return name
  return `${base || 'upload'}.${extensions[0]}`
}

/** A type a browser may show inline from our origin: a raster image, which cannot run script. */
export function isSafeInline(contentType: string | null): boolean {
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase()
  return Object.hasOwn(EXTENSIONS, mime)
}

/** Served files run nothing, are never sniffed into another type, and anything but a raster image is a download. */
export const UPLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"
