import type { TaskConfig } from 'payload'

import { IMPORT_TASK, runImport } from '../../infra/catalogueCsv/imports'

// Applies a previewed CSV import all-or-nothing; a failure is recorded on the import, never retried half-way.
export const applyCatalogueImport: TaskConfig<{ input: { importId: number }; output: { status: string } }> = {
  slug: IMPORT_TASK,
  label: 'Apply a previewed CSV import of products or stock levels',
  retries: 0,
  inputSchema: [{ name: 'importId', type: 'number', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  handler: async ({ input, req }) => ({ output: await runImport(req.payload, input.importId) }),
}
