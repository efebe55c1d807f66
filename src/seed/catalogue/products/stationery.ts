import type { DepartmentSeed } from '../types'

export const stationery: DepartmentSeed = {
  code: 'STA',
  note: 'Letterbox-friendly packaging, so it arrives even when you are out.',
  products: [
    {
      title: 'A5 Linen Notebook, Dotted',
      category: 'notebooks-and-journals',
      price: 1400,
      weight: 320,
      options: [{ name: 'Colour', values: ['Sage', 'Sand', 'Ink'] }],
      description: 'A lay-flat A5 notebook with 192 dotted pages of 100 gsm paper that fountain pens love, bound in cloth.',
    },
    {
      title: 'Pocket Notebooks, Pack of 3',
      category: 'notebooks-and-journals',
      price: 900,
      weight: 120,
      description: 'Three stapled pocket notebooks, ruled, plain and squared, with kraft card covers. For shopping lists and big ideas.',
    },
    {
      title: 'Weekly Planner 2027',
      category: 'notebooks-and-journals',
      price: 1600,
      compareAtPrice: 2000,
      weight: 400,
      stock: 0,
      description: 'A week to view on the left and a lined page on the right, with year planners, bank holidays and a ribbon marker.',
    },
    {
      title: 'Brass Ballpoint Pen',
      category: 'pens-and-pencils',
      price: 2400,
      weight: 40,
      featured: true,
      description: 'A solid brass ballpoint that takes standard refills and develops a warm patina as you use it. Comes in a card box.',
    },
    {
      title: 'Graphite Pencils, Set of 6',
      category: 'pens-and-pencils',
      price: 650,
      weight: 60,
      description: 'Six cedar pencils from 2H to 4B for writing, sketching and crosswords, in a recycled card sleeve.',
    },
    {
      title: 'Ipswich Waterfront Greeting Card',
      category: 'cards-and-wrap',
      price: 350,
      weight: 30,
      description: 'A blank card with a linocut of the boats on Ipswich Waterfront, printed on textured card with a kraft envelope.',
    },
    {
      title: 'Recycled Kraft Wrapping Paper',
      category: 'cards-and-wrap',
      price: 500,
      weight: 110,
      description: 'Three 50 × 70 cm sheets of recycled kraft paper printed with tiny stars, with a length of matching twine.',
    },
    {
      title: 'Letter Writing Set',
      category: 'stationery',
      price: 1800,
      weight: 350,
      description: 'Twenty sheets of laid writing paper, ten envelopes and a dip pen nib, boxed for someone who still writes letters.',
    },
  ],
}
