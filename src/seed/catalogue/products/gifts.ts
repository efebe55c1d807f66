import type { DepartmentSeed } from '../types'

export const gifts: DepartmentSeed = {
  code: 'GFT',
  note: 'Add a handwritten card at checkout and we will gift-wrap it free of charge.',
  products: [
    {
      title: 'Ipswich Town Hall Print',
      category: 'suffolk-keepsakes',
      price: 1800,
      weight: 150,
      options: [{ name: 'Size', values: ['A4', 'A3'], prices: { A3: 2800 } }],
      description: 'A giclée print of the Town Hall on the Cornhill, from an original ink and watercolour drawing. Unframed.',
    },
    {
      title: 'Orwell Bridge Enamel Mug',
      category: 'suffolk-keepsakes',
      price: 1400,
      weight: 160,
      description: 'A camping mug in white enamel with the Orwell Bridge printed in navy. Hand wash to keep it bright.',
    },
    {
      title: 'Suffolk Punch Tea Towel',
      category: 'suffolk-keepsakes',
      price: 1100,
      weight: 90,
      description: 'Cotton tea towel printed with a proud Suffolk Punch and its family tree, in two colours.',
    },
    {
      title: 'Afternoon Tea Hamper',
      category: 'gift-sets',
      price: 4500,
      compareAtPrice: 5000,
      weight: 2400,
      featured: true,
      description: 'Breakfast tea, strawberry jam, wildflower honey, shortbread and fudge in a lidded wicker hamper with a ribbon.',
    },
    {
      title: 'Pamper Gift Box',
      category: 'gift-sets',
      price: 3800,
      weight: 900,
      description: 'Oat and honey soap, seaweed bath salts, hand cream and a lip balm in a keepsake box.',
    },
    {
      title: 'Ipswich Retail Gift Card',
      category: 'gifts',
      price: 2500,
      weight: 20,
      options: [{ name: 'Value', values: ['£10', '£25', '£50'], prices: { '£10': 1000, '£50': 5000 } }],
      description: 'A gift card to spend in our shop or online, valid for two years, posted in a card envelope.',
    },
  ],
}
