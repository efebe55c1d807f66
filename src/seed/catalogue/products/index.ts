import type { DepartmentSeed } from '../types'
import { bath } from './bath'
import { clothing } from './clothing'
import { food } from './food'
import { garden } from './garden'
import { gifts } from './gifts'
import { homeware } from './homeware'
import { kitchen } from './kitchen'
import { stationery } from './stationery'
import { toys } from './toys'

export const departments: DepartmentSeed[] = [homeware, kitchen, garden, clothing, stationery, toys, food, gifts, bath]
