import { describe, expect, it } from '@jest/globals'
import type { Config, DateField } from 'payload'

import { UK_DATE, UK_DATE_TIME, britishDatesPlugin } from '.'

const base = (fields: Config['collections']): Config => ({ collections: fields, globals: [] }) as unknown as Config
// The plugin is synchronous; Payload's Plugin type allows a promise.
const apply = (config: Config) => britishDatesPlugin()(config) as Config

describe('britishDatesPlugin', () => {
  it('should set the admin date format used by lists, titles and version history', () => {
    expect(apply(base([])).admin?.dateFormat).toBe(UK_DATE_TIME)
  })

  it('should give nested date fields a day-and-time picker in the UK format, weeks from Monday', () => {
    const config = apply(base([{ slug: 'orders', fields: [{ name: 'history', type: 'array', fields: [{ name: 'at', type: 'date' }] }] }]))
    const history = config.collections![0].fields[0] as { fields: DateField[] }
    expect(history.fields[0].admin?.date).toEqual({
      pickerAppearance: 'dayAndTime',
      displayFormat: UK_DATE_TIME,
      timeFormat: 'HH:mm',
      overrides: { calendarStartDay: 1 },
    })
  })

  it('should show a day-only field as a UK date and keep a format a field sets itself', () => {
    const config = apply(
      base([
        {
          slug: 'events',
          fields: [
            { name: 'day', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
            { name: 'own', type: 'date', admin: { date: { displayFormat: 'yyyy' } } },
          ],
        },
      ]),
    )
    const [day, own] = config.collections![0].fields as DateField[]
    expect([day.admin?.date?.displayFormat, own.admin?.date?.displayFormat]).toEqual([UK_DATE, 'yyyy'])
  })
})
