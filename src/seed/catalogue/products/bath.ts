import type { DepartmentSeed } from '../types'

export const bath: DepartmentSeed = {
  code: 'BTH',
  note: 'Made without palm oil or parabens; full ingredients are printed on every label.',
  products: [
    {
      title: 'Oat and Honey Soap Bar',
      category: 'soaps-and-bath',
      price: 550,
      weight: 110,
      description: 'A gentle cold-process soap with colloidal oats and local honey, cured for six weeks. Good for sensitive skin.',
    },
    {
      title: 'Seaweed Bath Salts',
      category: 'soaps-and-bath',
      price: 1200,
      weight: 520,
      description: 'Dead Sea and Epsom salts with kelp and a little rosemary oil, in a 400 g jar for long soaks after long walks.',
    },
    {
      title: 'Lavender Bath Bomb Trio',
      category: 'soaps-and-bath',
      price: 900,
      weight: 360,
      description: 'Three fizzing bath bombs with lavender oil and dried flowers, wrapped in paper not plastic.',
    },
    {
      title: 'Rose and Geranium Hand Cream',
      category: 'skincare',
      price: 1400,
      compareAtPrice: 1600,
      weight: 95,
      description: 'A rich hand cream with shea butter and rose geranium oil that sinks in quickly. 75 ml tube.',
    },
    {
      title: 'Beeswax Lip Balm',
      category: 'skincare',
      price: 450,
      weight: 20,
      description: 'Suffolk beeswax, sunflower oil and a hint of peppermint in a small tin that fits any pocket.',
    },
    {
      title: 'Whipped Shea Body Butter',
      category: 'skincare',
      price: 1800,
      weight: 240,
      description: 'Shea and cocoa butter whipped with sweet orange oil into a light body butter. 200 ml glass jar.',
    },
    {
      title: 'Natural Loofah Sponge',
      category: 'bath-and-body',
      price: 600,
      weight: 40,
      description: 'A whole dried loofah grown in Egypt, gently exfoliating and fully compostable at the end of its life.',
    },
  ],
}
