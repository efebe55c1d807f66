// A country's English name from its ISO code: the CMS's own rule, safe in the browser (no CMS call).
export { countryName } from '../../../src/commerce/countries'
