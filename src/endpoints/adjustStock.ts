import type { PayloadHandler } from 'payload'

// Placeholder replaced once the adjustStock workflow lands.
export const handleAdjustStock: PayloadHandler = async () => Response.json({ message: 'not ready' }, { status: 503 })
