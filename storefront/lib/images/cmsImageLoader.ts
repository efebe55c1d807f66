// next/image loader. CMS images are served through our own /media/<id>/<variant> route, which picks
// the CMS's generated size for the requested width, so no CMS host is known at build time.
export default function cmsImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  return src.startsWith('/media/') ? `${src}?w=${width}` : src
}
