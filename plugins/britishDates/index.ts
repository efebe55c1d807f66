import type { Field } from 'payload'

import { definePlugin } from '../kit'

import { UK_DATE_TIME, ukDatePicker } from './formats'

export { UK_DATE, UK_DATE_TIME, UK_TIME, ukDatePicker } from './formats'

function withUkDates(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'date') return { ...field, admin: { ...field.admin, date: ukDatePicker(field.admin?.date) } }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withUkDates(tab.fields) })) }
    if (field.type === 'blocks') return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: withUkDates(block.fields) })) }
    if ('fields' in field) return { ...field, fields: withUkDates(field.fields) } as Field
    return field
  })
}

/**
 * Dates in the admin as a UK shop reads them: lists, document titles and version history use `admin.dateFormat`;
 * every date field (including those other plugins add, so list it last) gets the same format in its picker.
 */
export const britishDatesPlugin = definePlugin<{ enabled?: boolean }, object>({
  name: 'britishDates',
  defaults: {},
  build: () => ({
    extendConfig: (config) => ({
      ...config,
      admin: { ...config.admin, dateFormat: config.admin?.dateFormat ?? UK_DATE_TIME },
      collections: config.collections?.map((collection) => ({ ...collection, fields: withUkDates(collection.fields) })),
      globals: config.globals?.map((global) => ({ ...global, fields: withUkDates(global.fields) })),
    }),
  }),
})
