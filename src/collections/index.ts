import { AuditLog } from '../../collections/AuditLog'
import { Categories } from '../../collections/Categories'
import { Customers } from '../../collections/Customers'
import { IdempotencyKeys } from '../../collections/IdempotencyKeys'
import { Imports } from '../../collections/Imports'
import { Integrations } from '../../collections/Integrations'
import { Inventory } from '../../collections/Inventory'
import { Media } from '../../collections/Media'
import { Orders } from '../../collections/Orders'
import { Products } from '../../collections/Products'
import { StockMovements } from '../../collections/StockMovements'
import { Users } from '../../collections/Users'
import { WebhookDeliveries } from '../../collections/WebhookDeliveries'
import { Webhooks } from '../../collections/Webhooks'

export const collections = [
  Users,
  Customers,
  Products,
  Categories,
  Inventory,
  StockMovements,
  Orders,
  Media,
  IdempotencyKeys,
  Imports,
  Webhooks,
  WebhookDeliveries,
  Integrations,
  AuditLog,
]
