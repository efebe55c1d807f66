import { compareLexemes, parseTsQuery, parseTsVector, type Positions, type TsEntry } from './tsText'
import { prepareQuery, tsMatches, tsRank, type TermLookup } from './tsRank'

/** A TermLookup over a document's entries, which must be in PostgreSQL's lexeme order (as parseTsVector returns them). */
function lookupFromEntries(entries: readonly TsEntry[]): TermLookup {
  return ({ lexeme, prefix }) => {
    let low = 0
    let high = entries.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compareLexemes(entries[middle].lexeme, lexeme) < 0) low = middle + 1
      else high = middle
    }
    if (!prefix) return low < entries.length && entries[low].lexeme === lexeme ? [entries[low].positions] : []
    const found: Positions[] = []
    for (let i = low; i < entries.length && entries[i].lexeme.startsWith(lexeme); i++) found.push(entries[i].positions)
    return found
  }
}

// Golden values from PostgreSQL 15.20: `vector @@ query` and `ts_rank(vector, query)::text`, which prints the float4
// exactly, for the vector and query texts below. The four documents are product-like texts indexed as
//   setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
//     || setweight(to_tsvector('english', body), 'C')
// and queried with to_tsquery('english', …) (the label's first words); the rest are tsvector and tsquery literals.
const CUSHION =
  "'cover':9B,17C 'cushion':2A,5B,11C,22C 'keep':26C 'made':12C 'merino':14C 'remov':8B,19C 'soft':3B 'warm':28C 'washabl':24C 'wool':1A,4B,15C,25C"
const JUMPER =
  "'aran':1A,7B 'cabl':160C 'chunki':3B 'durabl':21C,23C,34C,45C,47C,58C,69C,79C,82C,93C,103C,106C,117C,127C,138C,141C,151C,166C,177C,179C,190C,201C 'garden':14C,20C,26C,32C,38C,44C,50C,56C,62C,68C,74C,80C,86C,92C,98C,104C,110C,116C,122C,128C,134C,140C,146C,152C,163C,169C,175C,181C,187C,193C,199C,205C 'green':17C,28C,30C,41C,52C,63C,65C,76C,87C,89C,100C,111C,121C,124C,135C,145C,148C,162C,173C,184C,195C,197C,208C 'handmad':15C,25C,36C,39C,49C,60C,71C,73C,84C,95C,97C,108C,119C,130C,132C,143C,154C,156C,168C,171C,182C,192C,203C,206C 'jump':212C 'jumper':2A,5B,158C,210C,211C 'knit':4B,9C,161C 'light':19C,22C,33C,43C,54C,57C,67C,78C,81C,91C,102C,113C,115C,126C,137C,139C,150C,165C,176C,186C,189C,200C 'season':18C,29C,31C,42C,53C,55C,66C,77C,88C,90C,101C,112C,114C,125C,136C,147C,149C,164C,174C,185C,188C,198C,209C 'soft':16C,27C,37C,40C,51C,61C,64C,75C,85C,96C,99C,109C,120C,123C,133C,144C,155C,170C,172C,183C,194C,196C,207C 'warm':13C,24C,35C,46C,48C,59C,70C,72C,83C,94C,105C,107C,118C,129C,131C,142C,153C,167C,178C,180C,191C,202C,204C 'wool':8B 'woollen':11C 'yarn':12C"
const BLUES =
  "'blue':1A,11B,13C,52C,53C,54C 'bluebel':2A,7B,15C 'blueberri':5B 'durabl':18C,28C,39C,42C 'garden':17C,23C,29C,35C,41C,47C 'green':22C,25C,36C,46C 'handmad':20C,31C,33C,44C 'light':16C,27C,38C,49C,51C 'pattern':8B 'season':24C,26C,37C,48C,50C 'soft':21C,32C,34C,45C 'throw':3A,12B,55C 'warm':19C,30C,40C,43C"
const LONG =
  "'durabl':11C,14C,25C,35C,46C,49C,59C,70C,73C,83C,94C,105C,107C,118C,129C,131C,142C,153C,164C,166C,177C,186C,197C,208C 'garden':6C,12C,18C,24C,30C,36C,42C,48C,54C,60C,66C,72C,78C,84C,90C,96C,102C,108C,114C,120C,126C,132C,138C,144C,150C,156C,162C,168C,174C,180C,187C,193C,199C,205C 'green':8C,19C,29C,32C,43C,53C,56C,67C,77C,88C,91C,101C,112C,115C,125C,136C,147C,149C,160C,171C,173C,184C,191C,202C,204C 'handmad':5C,16C,27C,38C,40C,51C,62C,64C,75C,86C,97C,99C,110C,121C,123C,134C,145C,155C,158C,169C,179C,182C,189C,200C 'knit':1A,4C,210C 'light':10C,21C,23C,34C,45C,47C,58C,69C,80C,82C,93C,104C,106C,117C,128C,139C,141C,152C,163C,165C,176C,194C,196C,207C 'plain':2B 'scarf':3B,185C 'season':9C,20C,22C,33C,44C,55C,57C,68C,79C,81C,92C,103C,113C,116C,127C,137C,140C,151C,161C,172C,175C,192C,195C,206C 'soft':7C,17C,28C,31C,41C,52C,63C,65C,76C,87C,89C,100C,111C,122C,124C,135C,146C,148C,159C,170C,181C,183C,190C,201C,203C 'warm':13C,15C,26C,37C,39C,50C,61C,71C,74C,85C,95C,98C,109C,119C,130C,133C,143C,154C,157C,167C,178C,188C,198C,209C"

/** [what it shows, tsvector text, tsquery text, `@@`, `ts_rank(…)::text`] */
const GOLDEN: [string, string, string, boolean, string][] = [
  ['wool on cushion', CUSHION, "'wool'", true, '0.6898284'],
  ['cushion on cushion', CUSHION, "'cushion'", true, '0.6898284'],
  ['wool & cushion on cushion', CUSHION, "'wool' & 'cushion'", true, '0.9997715'],
  ['wool | cushion on cushion', CUSHION, "'wool' | 'cushion'", true, '0.6898284'],
  ['wool:* on cushion', CUSHION, "'wool':*", true, '0.6898284'],
  ['cush:* on cushion', CUSHION, "'cush':*", true, '0.6898284'],
  ['wool & cover on cushion', CUSHION, "'wool' & 'cover'", true, '0.8176324'],
  ['(wool | wol) & cushion:*AB on cushion', CUSHION, "( 'wool' | 'wol' ) & 'cushion':*AB", true, '0.9997715'],
  ['cover:A on cushion', CUSHION, "'cover':A", false, '0.2735672'],
  ['cover:B on cushion', CUSHION, "'cover':B", true, '0.2735672'],
  ['cover:AC on cushion', CUSHION, "'cover':AC", true, '0.2735672'],
  ['!cover on cushion', CUSHION, "!'cover'", false, '0.2735672'],
  ['wool & !cover on cushion', CUSHION, "'wool' & !'cover'", false, '0.8176324'],
  ['!jumper & wool (the absent ! operand leaves no pair) on cushion', CUSHION, "!'jumper' & 'wool'", true, '1e-20'],
  ['the (only stop words: the empty query) on cushion', CUSHION, '', false, '0'],
  ['the & a (only stop words) on cushion', CUSHION, '', false, '0'],
  ['merino:*B on cushion', CUSHION, "'merino':*B", false, '0.12158542'],
  ['jumper on cushion', CUSHION, "'jumper'", false, '0'],
  ['jumper & wool on cushion', CUSHION, "'jumper' & 'wool'", false, '1e-20'],
  ['jumper | wool on cushion', CUSHION, "'jumper' | 'wool'", true, '0.3449142'],
  ['wool & cushion | jumper on cushion', CUSHION, "'wool' & 'cushion' | 'jumper'", true, '0.4598856'],
  ['(wool | merino) & (cushion | pillow) & cover:* on cushion', CUSHION, "( 'wool' | 'merino' ) & ( 'cushion' | 'pillow' ) & 'cover':*", true, '0.9999988'],
  ['wool & cushion & merino on cushion', CUSHION, "'wool' & 'cushion' & 'merino'", true, '0.99992317'],
  ['cushion & wool & cushion on cushion', CUSHION, "'cushion' & 'wool' & 'cushion'", true, '0.9997715'],
  ['wash:* & warm:* on cushion', CUSHION, "'wash':* & 'warm':*", true, '0.19048598'],
  ['jumper on jumper', JUMPER, "'jumper'", true, '0.6946919'],
  ['aran & jumper on jumper', JUMPER, "'aran' & 'jumper'", true, '0.9990894'],
  ['knit:* & jumper on jumper', JUMPER, "'knit':* & 'jumper'", true, '0.91170555'],
  ['jump:* on jumper', JUMPER, "'jump':*", true, '0.8162773'],
  ['jump:* & aran on jumper', JUMPER, "'jump':* & 'aran'", true, '0.9990894'],
  ['wool:* & aran on jumper', JUMPER, "'wool':* & 'aran'", true, '0.8120525'],
  ['wool & wool:* (the prefix is kept) on jumper', JUMPER, "'wool' & 'wool':*", true, '0.36475626'],
  ['wool:* & wool (the prefix is dropped) on jumper', JUMPER, "'wool':* & 'wool'", true, '0.24317084'],
  ['wool | wool:* on jumper', JUMPER, "'wool' | 'wool':*", true, '0.36475626'],
  ['knit:*C & cable on jumper', JUMPER, "'knit':*C & 'cabl'", true, '0.19820644'],
  ['garden & jumper on jumper', JUMPER, "'garden' & 'jumper'", true, '0.73448986'],
  ['soft & warm & light on jumper', JUMPER, "'soft' & 'warm' & 'light'", true, '0.9999999'],
  ['yarn & jumper:B on jumper', JUMPER, "'yarn' & 'jumper':B", true, '0.35493243'],
  ['blue:* (sums three lexemes, above 1) on blues', BLUES, "'blue':*", true, '1.6234695'],
  ['blue:* & throw (throw pairs with blueberri only) on blues', BLUES, "'blue':* & 'throw'", true, '0.73781264'],
  ['throw & blue:* on blues', BLUES, "'throw' & 'blue':*", true, '0.73781264'],
  ['blue & bluebel on blues', BLUES, "'blue' & 'bluebel'", true, '0.9993697'],
  ['blue:*A | pattern on blues', BLUES, "'blue':*A | 'pattern'", true, '0.93332016'],
  ['bluebell:* & blueberri:* on blues', BLUES, "'bluebel':* & 'blueberri':*", true, '0.793339'],
  ['blue:* & !throw on blues', BLUES, "'blue':* & !'throw'", false, '0.73781264'],
  ['!(blue | throw) on blues', BLUES, "!( 'blue' | 'throw' )", false, '0.6901493'],
  ['knit & scarf on long', LONG, "'knit' & 'scarf'", true, '0.7288154'],
  ['knit & plain on long', LONG, "'knit' & 'plain'", true, '0.7307628'],
  ['knit | scarf on long', LONG, "'knit' | 'scarf'", true, '0.46270007'],
  ['knit:* & scarf:A on long', LONG, "'knit':* & 'scarf':A", false, '0.7288154'],
  ['garden & knit on long', LONG, "'garden' & 'knit'", true, '0.7400891'],
  ['knit & garden & scarf on long', LONG, "'knit' & 'garden' & 'scarf'", true, '0.9779891'],
  ['empty document', '', "!'a' & !'b'", true, '0'],
  ['stripped: no positions', "'a' 'b' 'c'", "'a' & 'b'", true, '1e-16'],
  ['stripped ignores weight masks', "'a' 'b' 'c'", "'a':A & 'c':B", true, '1e-16'],
  ['one side without positions', "'a' 'b':3A 'c'", "'a' & 'b'", true, '3.1622776e-16'],
  ['zero distance to a position-less lexeme', "'a':16383 'b'", "'a' & 'b'", true, '1e-16'],
  ['zero distance between positions', "'a':16383 'b':16383", "'a' & 'b'", true, '1e-20'],
  ['heaviest weight not first', "'a':1A,2B,3C,4,5A,6 'b':7", "'a'", true, '0.7120347'],
  ['many D positions', "'a':1,2,3,4,5,6,7,8,9,10,11,12 'b':3A", "'a' | 'b'", true, '0.35153314'],
  ['prefix before another operand', "'ab':1A 'abc':2B 'abd':30C 'b':5 'c':9A", "'ab':* & 'c'", true, '0.004957198'],
  ['prefix after sorting', "'ab':1A 'abc':2B 'abd':30C 'b':5 'c':9A", "'b' & 'ab':*", true, '0.0004132396'],
  ['prefix in the middle keeps its last lexeme', "'aa':9A 'ab':1A 'abc':2B 'abd':30C 'b':5", "'aa' & 'ab':* & 'b'", true, '0.87194693'],
  ['duplicate lexemes: the last written is stored first and kept', "'ab':1A 'abc':4B", "'ab' & 'ab':* & 'ab'", true, '0.6079271'],
  ['duplicate lexemes: a prefix written first is dropped', "'ab':1A 'abc':4B", "'ab':* & 'ab' & 'ab'", true, '0.6079271'],
  ['duplicate lexemes in |: the prefix written last is kept', "'ab':1A 'abc':4B", "'ab' | 'ab':*", true, '0.85109794'],
  ['duplicate lexemes in |: the prefix written first is dropped', "'ab':1A 'abc':4B", "'ab':* | 'ab'", true, '0.6079271'],
  [
    'eight operands with mixed duplicates: the quicksort, not the writing order, picks the kept one',
    "'a':1A 'ab':2 'b':3 'bc':4 'c':5 'cd':6 'd':7 'de':8",
    "'a' & 'b':* & 'a':* & 'c' & 'b' & 'a' & 'd':* & 'c':*",
    true,
    '0.6352727',
  ],
  [
    'ten operands with mixed duplicates: quicksort order',
    "'a':1A 'ab':2 'b':3 'bc':4 'c':5 'cd':6 'd':7 'de':8",
    "'c':* & 'a' & 'b' & 'd' & 'a':* & 'b':* & 'c' & 'd':* & 'a' & 'c'",
    true,
    '0.667865',
  ],
  [
    'eight operands, alternating flags: quicksort order',
    "'a':1A 'ab':2 'b':3 'bc':4 'c':5 'cd':6 'd':7 'de':8",
    "'a':* & 'b' & 'c':* & 'd' & 'a' & 'b':* & 'c' & 'd':*",
    true,
    '0.45677137',
  ],
  [
    "44 operands: the quicksort's median-of-medians pivot",
    "'a':1A 'ab':3 'b':5B 'bc':9 'c':14 'cd':20C 'd':27 'de':35 'e':44A 'ef':54 'f':65B 'fa':77",
    "'d':* & 'd' & 'e' & 'f' & 'a' & 'b':* & 'f':* & 'c':* & 'a' & 'f' & 'e':* & 'd':* & 'b' & 'a' & 'a':* & 'e' & 'f' & 'f' & 'a':* & 'a' & 'c':* & 'e':* & 'f' & 'b':* & 'd':* & 'b' & 'd':* & 'e' & 'c' & 'b':* & 'd' & 'c':* & 'c':* & 'e':* & 'a' & 'd' & 'f':* & 'c':* & 'd' & 'b':* & 'd':* & 'b' & 'e':* & 'c'",
    true,
    '0.69136995',
  ],
  ['quoted lexemes', "'a\\\\b':2B 'it''s':1A 'x y':3,4C,5", "'it''s' & 'a\\\\b' & 'x y'", true, '0.95277613'],
  ['non-ASCII lexemes', "'zebra':2B 'éclair':3 'über':1A", "'über' & 'zebra' | 'éclair':*", true, '0.30396354'],
  ['weight mask misses', "'a':1A 'b':2B", "'a':D & 'b'", false, '0.6267838'],
  ['not on the left of or', "'a':1A 'b':2B", "!'a' | 'b'", true, '0.42554897'],
]

/** ts_rank('a':1A 'b':{1 + d}A, 'a & b') for d = 1, 2, … 101: word_distance at every distance it computes, and past 100. */
const RANK_BY_DISTANCE = [
  '0.9910322',
  '0.98500854',
  '0.9735848',
  '0.9524299',
  '0.9148999',
  '0.85297257',
  '0.7614762',
  '0.64461404',
  '0.5174401',
  '0.39771152',
  '0.29667762',
  '0.2173069',
  '0.15753677',
  '0.11357131',
  '0.08163527',
  '0.05858977',
  '0.04201669',
  '0.030119276',
  '0.021586193',
  '0.015468946',
  '0.011084632',
  '0.007942725',
  '0.0056912987',
  '0.004078026',
  '0.0029220453',
  '0.0020937412',
  '0.0015002327',
  '0.0010749644',
  '0.0007702458',
  '0.0005519053',
  '0.0003954575',
  '0.0002833577',
  '0.00020303465',
  '0.00014548069',
  '0.000104241466',
  '7.4692274e-05',
  '5.3519354e-05',
  '3.8348295e-05',
  '2.7477754e-05',
  '1.968867e-05',
  '1.4107549e-05',
  '1.0108501e-05',
  '7.243057e-06',
  '5.189877e-06',
  '3.7187094e-06',
  '2.6645716e-06',
  '1.909249e-06',
  '1.3680368e-06',
  '9.802412e-07',
  '7.023735e-07',
  '5.032726e-07',
  '3.6061056e-07',
  '2.5838878e-07',
  '1.8514365e-07',
  '1.3266121e-07',
  '9.505592e-08',
  '6.811054e-08',
  '4.8803333e-08',
  '3.4969116e-08',
  '2.5056467e-08',
  '1.7953743e-08',
  '1.2864419e-08',
  '9.217759e-09',
  '6.604813e-09',
  '4.7325552e-09',
  '3.3910241e-09',
  '2.429775e-09',
  '1.7410099e-09',
  '1.2474881e-09',
  '8.9386426e-10',
  '6.404817e-10',
  '4.589252e-10',
  '3.288343e-10',
  '2.3562005e-10',
  '1.6882915e-10',
  '1.2097137e-10',
  '8.6679774e-11',
  '6.2108776e-11',
  '4.450288e-11',
  '3.1887708e-11',
  '2.284854e-11',
  '1.6371696e-11',
  '1.1730832e-11',
  '8.405508e-12',
  '6.02281e-12',
  '4.315532e-12',
  '3.0922138e-12',
  '2.215668e-12',
  '1.5875954e-12',
  '1.1375618e-12',
  '8.150987e-13',
  '5.840437e-13',
  '4.184856e-13',
  '2.9985807e-13',
  '2.1485769e-13',
  '1.5395225e-13',
  '1.10311615e-13',
  '7.9041727e-14',
  '5.663587e-14',
  '4.0581372e-14',
  '1e-15',
]

/** [d, ts_rank('a':1 'b':{1 + d}C, 'a & b')]: weights D and C multiplied in float before the square root. */
const RANK_BY_DISTANCE_D_C: [number, string][] = [
  [1, '0.14015312'],
  [2, '0.13930126'],
  [5, '0.1293864'],
  [17, '0.0059420574'],
  [60, '3.5435197e-09'],
  [99, '8.0095215e-15'],
  [100, '5.739073e-15'],
  [101, '1.4142136e-16'],
]

function check(vector: string, query: string) {
  const entries = parseTsVector(vector)
  const lookup = lookupFromEntries(entries)
  const prepared = prepareQuery(parseTsQuery(query))
  return { matches: tsMatches(prepared, lookup), rank: tsRank(prepared, lookup, entries.length === 0) }
}

describe('tsMatches against PostgreSQL', () => {
  it.each(GOLDEN)('should match as @@ does: %s', (_, vector, query, matches) => {
    expect(check(vector, query).matches).toBe(matches)
  })
})

describe('tsRank against PostgreSQL', () => {
  it.each(GOLDEN)('should rank as ts_rank does: %s', (_, vector, query, __, rank) => {
    expect(check(vector, query).rank).toBe(Math.fround(Number(rank)))
  })

  it.each(RANK_BY_DISTANCE.map((rank, i) => [i + 1, rank] as const))('should weigh two A words %i positions apart as ts_rank does', (distance, rank) => {
    expect(check(`'a':1A 'b':${1 + distance}A`, "'a' & 'b'").rank).toBe(Math.fround(Number(rank)))
  })

  it.each(RANK_BY_DISTANCE_D_C)('should weigh a D and a C word %i positions apart as ts_rank does', (distance, rank) => {
    expect(check(`'a':1 'b':${1 + distance}C`, "'a' & 'b'").rank).toBe(Math.fround(Number(rank)))
  })

  it('should rank an unprepared query like a prepared one', () => {
    const lookup = lookupFromEntries(parseTsVector(JUMPER))
    const query = parseTsQuery("'knit':* & 'jumper' | 'wool'")
    expect(tsRank(query, lookup)).toBe(tsRank(prepareQuery(query), lookup))
  })

  it('should rank an & query 1e-20 when a non-empty document lacks its words', () => {
    expect(tsRank(parseTsQuery("'a' & 'b'"), () => [])).toBe(Math.fround(1e-20))
  })

  it('should rank and match nothing for the empty query', () => {
    const lookup = lookupFromEntries(parseTsVector(CUSHION))
    expect([tsRank(null, lookup), tsMatches(null, lookup)]).toEqual([0, false])
  })

  it('should ask the lookup once per distinct lexeme', () => {
    const asked: string[] = []
    const lookup: TermLookup = (term) => {
      asked.push(term.lexeme)
      return []
    }
    tsRank(parseTsQuery("'wool' | 'cushion' & 'wool':* | 'aran'"), lookup)
    expect(asked).toEqual(['aran', 'cushion', 'wool'])
  })
})

describe('prepareQuery', () => {
  it('should sort operands by lexeme and keep the first PostgreSQL stores of each, those under ! included', () => {
    const prepared = prepareQuery(parseTsQuery("'wool' & !'cushion' & 'wool':*"))
    expect(prepared.operands.map((term) => [term.lexeme, term.prefix])).toEqual([
      ['cushion', false],
      ['wool', true],
    ])
  })

  it('should rank as an & query only with two distinct lexemes under a top &', () => {
    const flags = ["'a' & 'b'", "'a' & 'a':*", "'a' | 'b' & 'c'"].map((text) => prepareQuery(parseTsQuery(text)).ranksAsAnd)
    expect(flags).toEqual([true, false, false])
  })
})

describe('lookupFromEntries', () => {
  const lookup = lookupFromEntries(parseTsVector("'blue':1A 'bluebel':2A 'blueberri':5B 'throw':3A"))

  it('should find a whole lexeme only', () => {
    expect([lookup({ lexeme: 'blue', prefix: false }), lookup({ lexeme: 'blu', prefix: false })]).toEqual([[[7]], []])
  })

  it('should find every lexeme a prefix starts, in lexeme order', () => {
    expect(lookup({ lexeme: 'blue', prefix: true })).toEqual([[7], [11], [22]])
  })

  it('should find nothing past the last lexeme', () => {
    expect(lookup({ lexeme: 'zip', prefix: true })).toEqual([])
  })
})
