import type { DepartmentSeed } from '../types'

export const homeware: DepartmentSeed = {
  code: 'HOM',
  note: 'Chosen and packed in our shop on Upper Brook Street, Ipswich; returns are free within 30 days.',
  products: [
    {
      title: 'Orwell Sea Salt Soy Candle',
      category: 'candles-and-fragrance',
      price: 1800,
      weight: 420,
      featured: true,
      description:
        'A clean-burning soy candle scented with sea salt, driftwood and a little sage, poured in Suffolk into a reusable amber glass jar. About 45 hours of burn time.',
    },
    {
      title: 'Christchurch Park Fig Candle',
      category: 'candles-and-fragrance',
      price: 2200,
      compareAtPrice: 2600,
      weight: 480,
      description:
        'Green fig, cedar and blackcurrant leaf: a candle for late summer evenings, named after the park at the top of town. Cotton wick, about 50 hours.',
    },
    {
      title: 'Suffolk Meadow Reed Diffuser',
      category: 'candles-and-fragrance',
      price: 2400,
      weight: 350,
      stock: 3,
      description: 'Meadowsweet, cut grass and chamomile in a 100 ml diffuser with eight rattan reeds. Turn the reeds weekly; it lasts around three months.',
    },
    {
      title: 'Waffle Cotton Throw',
      category: 'cushions-and-throws',
      price: 4500,
      weight: 1100,
      options: [{ name: 'Colour', values: ['Oat', 'Sage', 'Slate'] }],
      description: 'A heavy waffle-weave throw in pure cotton, 130 × 180 cm, soft from the first wash. Machine washable at 40 °C.',
    },
    {
      title: 'Linen Cushion Cover 45 cm',
      category: 'cushions-and-throws',
      price: 2200,
      weight: 180,
      options: [{ name: 'Colour', values: ['Natural', 'Rust', 'Navy'] }],
      description: 'Stonewashed European linen with a hidden zip, sized for a 45 cm pad (sold separately). Gets softer every time it is washed.',
    },
    {
      title: 'Stoneware Bud Vase',
      category: 'vases-and-decor',
      price: 1400,
      weight: 300,
      description: 'A small speckled stoneware vase for a single stem, glazed inside so it holds water. Each one is slightly different.',
    },
    {
      title: 'Hand-thrown Jug Vase',
      category: 'vases-and-decor',
      price: 3600,
      compareAtPrice: 4200,
      weight: 900,
      description: 'Thrown on the wheel by a potter near Woodbridge, with a soft white glaze over warm clay. Big enough for an armful of cow parsley.',
    },
    {
      title: 'Brass Candlestick Pair',
      category: 'vases-and-decor',
      price: 2800,
      weight: 600,
      description: 'Two solid brass candlesticks for standard dinner candles, 18 cm tall. Leave them to mellow or polish them bright.',
    },
    {
      title: 'Woven Seagrass Basket',
      category: 'homeware',
      price: 2400,
      weight: 700,
      options: [{ name: 'Size', values: ['Small', 'Large'], prices: { Large: 3400 } }],
      description: 'A sturdy seagrass basket with rope handles, for logs, laundry or toys. Small is 30 cm across, Large 42 cm.',
    },
  ],
}
