import type { CollectionConfig } from 'payload'

import { importsAccess } from '../../src/access/policies'
import { CSV_KINDS } from '../../src/commerce/csv'
import { IMPORT_MAX_BYTES, IMPORT_STATUSES } from '../../src/infra/catalogueCsv/imports'
import { importEndpoints } from '../../src/endpoints/imports'

// One record per uploaded CSV: its preview, then the job that applies it. Written only by the import endpoints and job.
export const Imports: CollectionConfig = {
  slug: 'imports',
  labels: { singular: 'CSV import', plural: 'CSV imports' },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'kind', 'status', 'rows', 'errorCount', 'createdAt'],
    group: 'Catalogue',
    description: 'Import products or stock levels from a CSV file; every import is listed below.',
    components: { beforeListTable: ['/collections/Imports/ui/ImportPanel#ImportPanel'] },
  },
  access: importsAccess,
  endpoints: importEndpoints,
  fields: [
    { name: 'fileName', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'kind', type: 'select', required: true, options: CSV_KINDS.map((value) => ({ label: value, value })), admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: IMPORT_STATUSES.map((value) => ({ label: value, value })),
      admin: { readOnly: true },
    },
    { name: 'encoding', type: 'text', admin: { readOnly: true } },
    { name: 'rows', type: 'number', admin: { readOnly: true } },
    { name: 'errorCount', type: 'number', admin: { readOnly: true } },
    { name: 'summary', type: 'json', admin: { readOnly: true } },
    { name: 'rowErrors', type: 'json', admin: { readOnly: true } },
    { name: 'result', type: 'json', admin: { readOnly: true } },
    { name: 'message', type: 'text', admin: { readOnly: true } },
    { name: 'by', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'startedAt', type: 'date', admin: { readOnly: true } },
    { name: 'finishedAt', type: 'date', admin: { readOnly: true } },
    // What the preview saw and read: the apply job re-reads both, so it applies exactly what was previewed.
    { name: 'fingerprint', type: 'text', admin: { hidden: true } },
    { name: 'source', type: 'textarea', maxLength: IMPORT_MAX_BYTES, admin: { hidden: true } },
  ],
}
