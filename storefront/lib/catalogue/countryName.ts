// A country's English name from its ISO code; safe in the browser (no CMS call).
const regionNames = new Intl.DisplayNames(['en-GB'], { type: 'region' })

export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}
