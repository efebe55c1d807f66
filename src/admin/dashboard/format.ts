import { LONDON, londonDayStart, type LondonDay } from '../../commerce/reporting'

// en-GB, in London time, so the screen agrees with the days the figures are counted by.
const dayLong = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const dayShort = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short' })
const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** "Wednesday 15 July 2026". */
export const longDay = (day: LondonDay) => dayLong.format(londonDayStart(day))

/** "15 Jul". */
export const shortDay = (day: LondonDay) => dayShort.format(londonDayStart(day))

/** "15 Jul 2026, 13:00". */
export const londonDateTime = (iso: string) => dateTime.format(new Date(iso))
