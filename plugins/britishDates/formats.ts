import type { DateField } from 'payload'

// Dates as a UK shop reads them (date-fns patterns): day before month, 24-hour clock, e.g. "2 Dec 2026, 14:05".
export const UK_DATE_TIME = 'd MMM yyyy, HH:mm'
export const UK_DATE = 'd MMM yyyy'
export const UK_TIME = 'HH:mm'

type DateAdmin = NonNullable<NonNullable<DateField['admin']>['date']>

/** A date field's picker in the UK style: a timestamp unless the field says otherwise; its own formats are kept. */
export function ukDatePicker(date?: DateAdmin): DateAdmin {
  // The calendar's weeks start on Monday, as UK calendars do.
  const overrides = { calendarStartDay: 1, ...date?.overrides } as DateAdmin['overrides']
  switch (date?.pickerAppearance) {
    case 'dayOnly':
      return { ...date, displayFormat: date.displayFormat ?? UK_DATE, overrides }
    case 'monthOnly':
      return { ...date, displayFormat: date.displayFormat ?? 'MMMM yyyy', overrides }
    case 'timeOnly':
      return { ...date, displayFormat: date.displayFormat ?? UK_TIME, timeFormat: date.timeFormat ?? UK_TIME, overrides }
    default:
      return {
        ...date,
        pickerAppearance: 'dayAndTime',
        displayFormat: date?.displayFormat ?? UK_DATE_TIME,
        timeFormat: (date as { timeFormat?: string } | undefined)?.timeFormat ?? UK_TIME,
        overrides,
      }
  }
}
