import type { CollectionAfterOperationHook } from 'payload'

// The login's answer says what the parked session waits for: { …, twoFactor: "verify" | "enrol" }.
export const answerSecondFactor: CollectionAfterOperationHook = ({ operation, result, req }) => {
  if (operation !== 'login' || !req.context?.twoFactor) return result
  return { ...(result as object), twoFactor: req.context.twoFactor } as typeof result
}
