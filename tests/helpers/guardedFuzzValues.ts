// Bags of wrong values for the hardening fuzz suite, by what they are wrong for.
import { OPERATORS } from '../../src/guard/operand'

export const BAD_IDS = [
  'abc',
  '1.5',
  '{}',
  'Infinity',
  '-Infinity',
  'NaN',
  '-1.0',
  '1e3',
  '0x10',
  '99999999999',
  '2147483648',
  '%00',
  '1%00',
  '%20',
  'null',
  'undefined',
  'true',
  '[]',
  '1,2',
  "1'",
  '1;DROP%20TABLE%20x',
  '%E0%A4%A',
  '..',
  '%2e%2e',
  '9'.repeat(40),
]

export const BAD_SCALARS: string[] = [
  'abc',
  '',
  ' ',
  '1.5',
  '-1',
  'Infinity',
  'NaN',
  '1e309',
  '99999999999999999999',
  'null',
  'true',
  '2025-13-45',
  'not a date',
  '%00',
  'a%00b',
  "'; DROP TABLE products; --",
  '%',
  '_',
  '\\',
  '[]',
  '{}',
  '\u00e9\u{1F600}',
  'x'.repeat(2000),
]

/** qs fragments appended after `where[path][op]` (a value, a nested object or a list). */
export const QS_SHAPES: ((v: string) => string)[] = [
  (v) => `=${v}`,
  (v) => `[$ne]=${v}`,
  (v) => `[equals]=${v}`,
  (v) => `[]=${v}&x=1`,
  (v) => `[0]=${v}&where[zz][equals]=1`,
  (v) => `[a][b][c]=${v}`,
]

export const BAD_JSON_TEXT = ['{', '{"a":', 'nul', 'undefined', "{'a':1}", '{"a":1}}', '\u0000', '[1,', '{"where":', '%7B']

export const BAD_BODIES: unknown[] = [null, [], [1, 2], 'string', 42, true, { '': null }, { a: { b: { c: { d: {} } } } }]

/** Values of the wrong type for a field of the given type. */
export function wrongValuesFor(type: string): unknown[] {
  const common: unknown[] = [{ $ne: 1 }, { a: 1 }, 'x\u0000y']
  switch (type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return [...common, { title: 'object' }, [1, 2], [{ a: 1 }], ...(type === 'email' ? [123, true, ['a@b.c']] : [])]
    case 'number':
      return [...common, 'abc', true, [], [1], {}, 'Infinity', '1e309', 1e308 * 10]
    case 'date':
      return [...common, 'not a date', '2025-13-45', true, {}, [], 'Infinity', 1e20]
    case 'select':
    case 'radio':
      return [...common, 123, {}, ['x'], 'bogus-option', true, [{ a: 1 }]]
    case 'checkbox':
      return [...common, 'maybe', {}, 5, []]
    case 'relationship':
    case 'upload':
      return [...common, 'abc', {}, [{}], 1.5, -1, 99999999999, 'Infinity', [null, 'x'], { relationTo: 'x', value: 'y' }]
    case 'array':
    case 'blocks':
      return [...common, 'x', {}, [1], ['a'], [null]]
    case 'group':
      return [...common, 'x', [1], 5, true]
    case 'richText':
      return [...common, 'plain string', 5, [1], { root: 'x' }]
    case 'json':
      return [...common, '{"a":', [1, { b: '\u0000' }]]
    default:
      return common
  }
}

// Every operator the guard knows, and some it must refuse.
export const WHERE_OPERATORS = [...OPERATORS, 'bogus', '$ne', '__proto__']

export const BAD_QUERY_PARAMS: string[] = [
  'limit=-1',
  'limit=1.5',
  'limit=abc',
  'limit=Infinity',
  'limit=1e309',
  'limit=99999999999999999999',
  'limit[a]=1',
  'limit[]=1',
  'page=0',
  'page=-3',
  'page=1.5',
  'page=abc',
  'page=99999999999',
  'page[x]=1',
  'depth=-1',
  'depth=1.5',
  'depth=abc',
  'depth=99999',
  'depth[a]=1',
  'sort=%00',
  'sort[a]=b',
  'sort=variants',
  'sort=-seo',
  'sort=description',
  'sort=title,,-',
  'sort=nonexistent',
  'draft[x]=1',
  'trash[]=1',
  'pagination[a]=b',
  'select=abc',
  'select[title]=%00',
  'populate=abc',
  'populate[categories]=x',
  'joins=abc',
  'joins[x][limit]=abc',
  'joins[stockMovements][where][change][equals]=abc',
  'joins[stockMovements][limit]=-1',
  'joins[stockMovements][sort]=-nonsense',
  'joins[stockMovements][where][order][contains]=x',
  'joins[stockMovements][count]=maybe',
  'locale[x]=1',
  'fallbackLocale=%00',
  'where=abc',
  'where=%7B',
  'where=[]',
  'where=1',
  'where=null',
  'where={"title":{"equals":{"$ne":1}}}',
  'where={"price":{"equals":"abc"}}',
  'where={"or":5}',
  'where={"and":[1,2]}',
  'where[or]=5',
  'where[and][0]=x',
  'where[title]=x',
  'where[title][equals][]=',
  'data=abc',
  'data=%7B',
  'where[' + 'a.'.repeat(50) + 'b][equals]=1',
  'where' + '[or][0]'.repeat(12) + '[title][equals]=x',
  '%00=1',
  'a=%00',
]

export const BAD_METHODS = ['TRACE', 'TRACK', 'CONNECT', 'PROPFIND', 'MOVE', 'COPY', 'LOCK', 'FOO', 'M-SEARCH', 'PURGE']

export const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'text/html',
  'application/x-www-form-urlencoded',
  'Application/JSON',
  'application/json-patch+json',
  'image/png',
  '',
  'multipart/mixed; boundary=x',
  'application/octet-stream',
]

export const BAD_TOKENS = ['abc', '%00', 'x'.repeat(300), '..%2F..%2Fetc', "'%20OR%201=1", '%E0%A4%A', 'null', '{}', '0'.repeat(41) + 'g']
