// s3rver ships no types; the tests use its constructor, run() and close() (tests/helpers/cluster.ts).
declare module 's3rver'
