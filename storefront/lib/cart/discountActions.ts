'use server'

import { revalidatePath } from 'next/cache'
import { parseDiscountCode } from './discountCode'
import { writeDiscountCode } from './discountStore'

// The cart page prices the cart with the kept code and says beside the box whether the shop accepted it.
export async function applyDiscountCodeAction(formData: FormData): Promise<void> {
  const remove = formData.get('intent') === 'remove'
  await writeDiscountCode(remove ? null : parseDiscountCode(formData.get('discountCode')))
  revalidatePath('/cart')
}
