import type { DepartmentSeed } from '../types'

export const garden: DepartmentSeed = {
  code: 'GAR',
  note: 'Bulky garden items travel by courier; we will text you a delivery window.',
  products: [
    {
      title: 'Long Tom Terracotta Pot',
      category: 'planters-and-pots',
      price: 900,
      weight: 1400,
      options: [{ name: 'Size', values: ['15 cm', '20 cm', '30 cm'], prices: { '15 cm': 700, '30 cm': 1800 } }],
      description: 'A tall, narrow terracotta pot for deep-rooted herbs and sweet peas, with a drainage hole. Frost resistant.',
    },
    {
      title: 'Galvanised Window Box',
      category: 'planters-and-pots',
      price: 3200,
      weight: 2200,
      description: 'A 60 cm galvanised steel trough with drainage holes and feet, for herbs on the sill or bulbs by the door.',
    },
    {
      title: 'Ash-handled Hand Trowel',
      category: 'garden-tools',
      price: 1800,
      weight: 320,
      description: 'A stainless steel trowel with a British ash handle and a leather hanging loop. Sharp enough to slice through roots.',
    },
    {
      title: 'Bypass Secateurs',
      category: 'garden-tools',
      price: 2600,
      compareAtPrice: 3200,
      weight: 260,
      featured: true,
      description: 'Carbon-steel bypass secateurs that cut cleanly up to 20 mm, with a lock you can work with one hand. Blades can be replaced.',
    },
    {
      title: 'Garden Twine in a Tin',
      category: 'garden-tools',
      price: 800,
      weight: 300,
      description: 'A 150 m ball of jute twine in a tin with a cutter in the lid, so it never ends up in a tangle.',
    },
    {
      title: 'Hanging Seed Feeder',
      category: 'birdcare',
      price: 1500,
      weight: 400,
      description: 'A squirrel-resistant seed feeder with four perches and a tool-free clean-out base. Goldfinches love it.',
    },
    {
      title: 'Robin Nest Box',
      category: 'birdcare',
      price: 2200,
      weight: 900,
      description: 'An open-fronted nest box in FSC larch, made for robins and wrens. Fix it low in a shady hedge.',
    },
    {
      title: 'Suffolk Coastal Wildflower Seeds',
      category: 'garden',
      price: 450,
      weight: 60,
      description: 'A mix of native annuals and perennials found along the Suffolk coast: poppy, cornflower, corn marigold and viper’s bugloss. Sows 5 m².',
    },
  ],
}
