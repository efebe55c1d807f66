import React from 'react'

import type { LondonDay } from '../../commerce/reporting'

/** A plain GET form: the windows end with the chosen London day (`?day=YYYY-MM-DD`); works without JavaScript. */
export function DayPicker({ admin, day, today }: { admin: string; day: LondonDay; today: LondonDay }) {
  return (
    <form className="ir-dashboard__picker" method="get" action={admin}>
      <label htmlFor="ir-dashboard-day">Figures up to</label>
      <input id="ir-dashboard-day" name="day" type="date" defaultValue={day} max={today} required />
      <button type="submit" className="btn btn--style-secondary btn--size-small btn--withoutPopup">
        Show
      </button>
      {day !== today && (
        <a href={admin} className="ir-dashboard__link">
          Back to today
        </a>
      )}
    </form>
  )
}
