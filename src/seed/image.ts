import sharp from 'sharp'

// Drawn on an 800 grid, rendered at 600 px: the card size, and half the resizing work of 800 px.
const SIZE = 600

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

export function initials(title: string): string {
  const words = title.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w))
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '·'
  )
}

function wrap(title: string, width = 22): string[] {
  const lines: string[] = []
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.slice(0, 3)
}

function svg(title: string, hue: number): string {
  const lines = wrap(title)
  const text = lines.map((line, i) => `<text x="400" y="${600 + i * 52}" font-size="44" text-anchor="middle">${escapeXml(line)}</text>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 800 800">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue}, 58%, 70%)"/><stop offset="1" stop-color="hsl(${(hue + 35) % 360}, 48%, 36%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="400" cy="330" r="190" fill="white" fill-opacity="0.18"/>
  <g font-family="DejaVu Sans, Helvetica, Arial, sans-serif" fill="white">
    <text x="400" y="400" font-size="190" font-weight="bold" text-anchor="middle">${escapeXml(initials(title))}</text>
    ${text}
    <text x="400" y="770" font-size="24" text-anchor="middle" fill-opacity="0.8">IPSWICH RETAIL</text>
  </g>
</svg>`
}

/** A square product picture drawn locally: the department's colour, the initials and the name. */
export async function productImage(title: string, hue: number): Promise<Buffer> {
  return sharp(Buffer.from(svg(title, hue)))
    .png({ compressionLevel: 6 })
    .toBuffer()
}
