import { TwoFactorPanel as TwoFactorPanel_c1d8d29e04fe6ca001811d1a09ac86a4 } from '../../../../src/admin/twoFactor/TwoFactorPanel'
import { CustomerPrivacy as CustomerPrivacy_06ef91ded080c26e2ba0c859c95433ab } from '../../../../collections/Customers/ui/CustomerPrivacy'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { MoneyCell as MoneyCell_f45a297040e13d354fa5c26e6b26f41f } from '../../../../src/fields/ui/MoneyCell'
import { MoneyField as MoneyField_e47715f1b3130b4df55cc547d3254ce2 } from '../../../../src/fields/ui/MoneyField'
import { BooleanCell as BooleanCell_8f84890e36917605e57155ccc454c72b } from '../../../../src/fields/ui/BooleanCell'
import { StockSummary as StockSummary_c449b46c5674de7d8ebb5950146a4652 } from '../../../../collections/Products/ui/StockSummary'
import { CsvListActions as CsvListActions_9e9c89a1d3cb7926be5746c62b6d1f44 } from '../../../../collections/Imports/ui/CsvListActions'
import { AdjustStock as AdjustStock_56a6152e3cab309429d65280510c17ba } from '../../../../collections/Inventory/ui/AdjustStock'
import { StockStatusCell as StockStatusCell_a2af95ccff12737120ee46ade7d5edd9 } from '../../../../collections/Inventory/ui/StockStatusCell'
import { OrderNumberCell as OrderNumberCell_140f2328192ed47b51cbd0a5da5de003 } from '../../../../collections/StockMovements/ui/OrderNumberCell'
import { StaffNameCell as StaffNameCell_17132caa28a5fedda1b870b85f923308 } from '../../../../collections/StockMovements/ui/StaffNameCell'
import { OrderStatusCell as OrderStatusCell_9ba333f8a21b94ed6abf54ecdf13236e } from '../../../../collections/Orders/ui/OrderStatusCell'
import { OrderActions as OrderActions_6f0c29ab458ec00ff3575180870329fe } from '../../../../collections/Orders/ui/OrderActions'
import { PrintLinks as PrintLinks_07fb0cafde88f8e2e972e920a88b0119 } from '../../../../collections/Orders/ui/PrintLinks'
import { LineOptions as LineOptions_449ccd2a2dfe91049beb0e5d4deaf035 } from '../../../../collections/Orders/ui/LineOptions'
import { LineRowLabel as LineRowLabel_6be26c579b56efde03caf5b3c02adfeb } from '../../../../collections/Orders/ui/LineRowLabel'
import { HistoryRowLabel as HistoryRowLabel_0226ac5b2d2f25627af1a2a15cd1fd13 } from '../../../../collections/Orders/ui/HistoryRowLabel'
import { ImportPanel as ImportPanel_c3ceec3f9c4719643aaf69419f467f1a } from '../../../../collections/Imports/ui/ImportPanel'
import { RedeliverButton as RedeliverButton_c65c4c4de16da1068eec7ec34eb8b222 } from '../../../../collections/WebhookDeliveries/ui/RedeliverButton'
import { AuditTargetCell as AuditTargetCell_555da2059bdb0b22ff3dc9788d2f9821 } from '../../../../collections/AuditLog/ui/AuditTargetCell'
import { AuditDetails as AuditDetails_da86a056d55dfb240a237b6e539d7d85 } from '../../../../collections/AuditLog/ui/AuditDetails'
import { SalesDashboard as SalesDashboard_7b6f8d8f38eba57e170deb96d9c25f62 } from '../../../../src/admin/dashboard/SalesDashboard'
import { PendingLoginRedirect as PendingLoginRedirect_2c790adc2b2f6feaa8cb8f36cb07976a } from '../../../../src/admin/twoFactor/PendingLoginRedirect'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { TwoFactorView as TwoFactorView_067276d7e6bf8f1cab6286030f71f0a2 } from '../../../../src/admin/twoFactor/TwoFactorView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/twoFactor/TwoFactorPanel#TwoFactorPanel": TwoFactorPanel_c1d8d29e04fe6ca001811d1a09ac86a4,
  "/collections/Customers/ui/CustomerPrivacy#CustomerPrivacy": CustomerPrivacy_06ef91ded080c26e2ba0c859c95433ab,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/fields/ui/MoneyCell#MoneyCell": MoneyCell_f45a297040e13d354fa5c26e6b26f41f,
  "/src/fields/ui/MoneyField#MoneyField": MoneyField_e47715f1b3130b4df55cc547d3254ce2,
  "/src/fields/ui/BooleanCell#BooleanCell": BooleanCell_8f84890e36917605e57155ccc454c72b,
  "/collections/Products/ui/StockSummary#StockSummary": StockSummary_c449b46c5674de7d8ebb5950146a4652,
  "/collections/Imports/ui/CsvListActions#CsvListActions": CsvListActions_9e9c89a1d3cb7926be5746c62b6d1f44,
  "/collections/Inventory/ui/AdjustStock#AdjustStock": AdjustStock_56a6152e3cab309429d65280510c17ba,
  "/collections/Inventory/ui/StockStatusCell#StockStatusCell": StockStatusCell_a2af95ccff12737120ee46ade7d5edd9,
  "/collections/StockMovements/ui/OrderNumberCell#OrderNumberCell": OrderNumberCell_140f2328192ed47b51cbd0a5da5de003,
  "/collections/StockMovements/ui/StaffNameCell#StaffNameCell": StaffNameCell_17132caa28a5fedda1b870b85f923308,
  "/collections/Orders/ui/OrderStatusCell#OrderStatusCell": OrderStatusCell_9ba333f8a21b94ed6abf54ecdf13236e,
  "/collections/Orders/ui/OrderActions#OrderActions": OrderActions_6f0c29ab458ec00ff3575180870329fe,
  "/collections/Orders/ui/PrintLinks#PrintLinks": PrintLinks_07fb0cafde88f8e2e972e920a88b0119,
  "/collections/Orders/ui/LineOptions#LineOptions": LineOptions_449ccd2a2dfe91049beb0e5d4deaf035,
  "/collections/Orders/ui/LineRowLabel#LineRowLabel": LineRowLabel_6be26c579b56efde03caf5b3c02adfeb,
  "/collections/Orders/ui/HistoryRowLabel#HistoryRowLabel": HistoryRowLabel_0226ac5b2d2f25627af1a2a15cd1fd13,
  "/collections/Imports/ui/ImportPanel#ImportPanel": ImportPanel_c3ceec3f9c4719643aaf69419f467f1a,
  "/collections/WebhookDeliveries/ui/RedeliverButton#RedeliverButton": RedeliverButton_c65c4c4de16da1068eec7ec34eb8b222,
  "/collections/AuditLog/ui/AuditTargetCell#AuditTargetCell": AuditTargetCell_555da2059bdb0b22ff3dc9788d2f9821,
  "/collections/AuditLog/ui/AuditDetails#AuditDetails": AuditDetails_da86a056d55dfb240a237b6e539d7d85,
  "/src/admin/dashboard/SalesDashboard#SalesDashboard": SalesDashboard_7b6f8d8f38eba57e170deb96d9c25f62,
  "/src/admin/twoFactor/PendingLoginRedirect#PendingLoginRedirect": PendingLoginRedirect_2c790adc2b2f6feaa8cb8f36cb07976a,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/admin/twoFactor/TwoFactorView#TwoFactorView": TwoFactorView_067276d7e6bf8f1cab6286030f71f0a2,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
