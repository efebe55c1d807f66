import type { Access } from 'payload'

import { isStaffUser } from './roles'

// Staff see drafts; everyone else sees published documents only.
export const isStaffOrPublished: Access = ({ req }) => (isStaffUser(req.user) ? true : { _status: { equals: 'published' } })
