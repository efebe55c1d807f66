'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

/** A checkbox column in a list: "Yes" or "No" instead of the code-style true/false. */
export function BooleanCell({ cellData }: DefaultCellComponentProps) {
  return <span className="boolean-cell">{cellData === true ? 'Yes' : 'No'}</span>
}
