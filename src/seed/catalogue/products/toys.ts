import type { DepartmentSeed } from '../types'

export const toys: DepartmentSeed = {
  code: 'TOY',
  note: 'Every toy is tested to UK safety standards; check the age guidance on each one.',
  products: [
    {
      title: 'Wooden Rainbow Stacker',
      category: 'wooden-toys',
      price: 2800,
      weight: 900,
      featured: true,
      description: 'Seven arches of solid wood painted in water-based colours, for stacking, balancing and building tunnels. From 12 months.',
    },
    {
      title: 'Pull-along Suffolk Punch Horse',
      category: 'wooden-toys',
      price: 3200,
      weight: 700,
      description: 'A chestnut Suffolk Punch on wheels, with a cord to pull it along. A nod to the county’s own heavy horse. From 18 months.',
    },
    {
      title: 'Wooden Tractor and Trailer',
      category: 'wooden-toys',
      price: 2400,
      compareAtPrice: 2900,
      weight: 650,
      description: 'A red tractor with a tipping trailer and two hay bales, in beech with rubber-wood wheels. From 2 years.',
    },
    {
      title: 'Ipswich Jigsaw, 1000 Pieces',
      category: 'puzzles-and-games',
      price: 2200,
      weight: 600,
      description: 'An illustrated map of Ipswich full of landmarks to find, from the Ancient House to Portman Road. 68 × 48 cm finished.',
    },
    {
      title: 'Seaside Snap Card Game',
      category: 'puzzles-and-games',
      price: 800,
      weight: 150,
      description: 'Snap, pairs and happy families with 48 illustrated cards of crabs, beach huts and ice creams. From 4 years.',
    },
    {
      title: 'Marble Run Starter Set',
      category: 'puzzles-and-games',
      price: 3500,
      weight: 1400,
      stock: 5,
      description: 'Sixty wooden pieces and twenty glass marbles to build runs with drops, spirals and a see-saw. From 6 years.',
    },
    {
      title: 'Knitted Bunny Soft Toy',
      category: 'toys-and-games',
      price: 1600,
      weight: 150,
      description: 'A hand-knitted cotton bunny with long floppy ears, safe from birth and washable at 30 °C.',
    },
  ],
}
