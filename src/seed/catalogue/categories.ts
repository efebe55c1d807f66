import type { CategorySeed } from './types'

// Nine departments, each with subcategories: the shape of a small Ipswich shop.
export const categoryTree: CategorySeed[] = [
  {
    title: 'Homeware',
    slug: 'homeware',
    hue: 24,
    description: 'Candles, textiles and pieces that make a house on the Orwell feel like home.',
    children: [
      { title: 'Candles & Fragrance', slug: 'candles-and-fragrance', description: 'Soy candles and diffusers poured in small batches.' },
      { title: 'Cushions & Throws', slug: 'cushions-and-throws', description: 'Linen, cotton and wool for sofas and window seats.' },
      { title: 'Vases & Decor', slug: 'vases-and-decor', description: 'Stoneware, glass and brass for shelves and tables.' },
    ],
  },
  {
    title: 'Kitchen & Dining',
    slug: 'kitchen-and-dining',
    hue: 200,
    description: 'Cookware that lasts and tableware for every day.',
    children: [
      { title: 'Cookware', slug: 'cookware', description: 'Cast iron, enamel and copper for the hob and the oven.' },
      { title: 'Tableware', slug: 'tableware', description: 'Plates, mugs and glasses for the table.' },
      { title: 'Kitchen Textiles', slug: 'kitchen-textiles', description: 'Tea towels and aprons in washable linen and cotton.' },
    ],
  },
  {
    title: 'Garden',
    slug: 'garden',
    hue: 112,
    description: 'Tools, pots and birdcare for Suffolk gardens, balconies and allotments.',
    children: [
      { title: 'Planters & Pots', slug: 'planters-and-pots', description: 'Terracotta and galvanised steel, frost-proof where it matters.' },
      { title: 'Garden Tools', slug: 'garden-tools', description: 'Hand tools with ash handles and proper steel.' },
      { title: 'Birdcare', slug: 'birdcare', description: 'Feeders and nest boxes for garden birds.' },
    ],
  },
  {
    title: 'Clothing',
    slug: 'clothing',
    hue: 224,
    description: 'Knitwear and coats for the East Anglian wind, and the little things that go with them.',
    children: [
      { title: 'Knitwear', slug: 'knitwear', description: 'Jumpers in British wool and lambswool.' },
      { title: 'Outerwear', slug: 'outerwear', description: 'Waxed cotton and rainwear for the coast path.' },
      { title: 'Accessories', slug: 'accessories', description: 'Hats, scarves and socks.' },
    ],
  },
  {
    title: 'Stationery',
    slug: 'stationery',
    hue: 268,
    description: 'Notebooks, pens and cards for lists, letters and plans.',
    children: [
      { title: 'Notebooks & Journals', slug: 'notebooks-and-journals', description: 'Lay-flat notebooks, planners and pocket books.' },
      { title: 'Pens & Pencils', slug: 'pens-and-pencils', description: 'Writing instruments that refill rather than run out.' },
      { title: 'Cards & Wrap', slug: 'cards-and-wrap', description: 'Greeting cards and recycled wrapping paper.' },
    ],
  },
  {
    title: 'Toys & Games',
    slug: 'toys-and-games',
    hue: 332,
    description: 'Wooden toys and games for wet afternoons.',
    children: [
      { title: 'Wooden Toys', slug: 'wooden-toys', description: 'Stackers, pull-alongs and vehicles in sustainable wood.' },
      { title: 'Puzzles & Games', slug: 'puzzles-and-games', description: 'Jigsaws, card games and building sets.' },
    ],
  },
  {
    title: 'Food & Drink',
    slug: 'food-and-drink',
    hue: 40,
    description: 'Tea, coffee, honey and treats, much of it from Suffolk producers.',
    children: [
      { title: 'Tea & Coffee', slug: 'tea-and-coffee', description: 'Blended and roasted for us in East Anglia.' },
      { title: 'Preserves & Honey', slug: 'preserves-and-honey', description: 'Jams, marmalades and local honey.' },
      { title: 'Sweets & Treats', slug: 'sweets-and-treats', description: 'Fudge, chocolate and things to share.' },
    ],
  },
  {
    title: 'Gifts',
    slug: 'gifts',
    hue: 352,
    description: 'Presents with a bit of Ipswich in them, and gift cards for everything else.',
    children: [
      { title: 'Suffolk Keepsakes', slug: 'suffolk-keepsakes', description: 'Prints, mugs and tea towels of the town and the county.' },
      { title: 'Gift Sets', slug: 'gift-sets', description: 'Hampers and boxes, wrapped and ready to send.' },
    ],
  },
  {
    title: 'Bath & Body',
    slug: 'bath-and-body',
    hue: 168,
    description: 'Soaps, salts and balms made with simple ingredients.',
    children: [
      { title: 'Soaps & Bath', slug: 'soaps-and-bath', description: 'Cold-process soaps, bath salts and bath bombs.' },
      { title: 'Skincare', slug: 'skincare', description: 'Hand creams, balms and body butters.' },
    ],
  },
]
