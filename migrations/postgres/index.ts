import * as migration_20261126_112428_initial from './20261126_112428_initial';
import * as migration_20261202_212340_admin_stock_status_history_names_seller from './20261202_212340_admin_stock_status_history_names_seller';
import * as migration_20261202_214447_csv_imports from './20261202_214447_csv_imports';
import * as migration_20261203_012030_search from './20261203_012030_search';
import * as migration_20261203_023550_bank_details from './20261203_023550_bank_details';
import * as migration_20261203_060138_integrators_plugins_storefront from './20261203_060138_integrators_plugins_storefront';
import * as migration_20261203_090000_catalogue_read_model from './20261203_090000_catalogue_read_model';
import * as migration_20261203_095236_security_scale_speed from './20261203_095236_security_scale_speed';
import * as migration_20261203_125424_password_reset_job from './20261203_125424_password_reset_job';
import * as migration_20261203_160000_catalogue_published_count from './20261203_160000_catalogue_published_count';
import * as migration_20261204_150000_search_category_ids from './20261204_150000_search_category_ids';
import * as migration_20261204_190000_search_change_tracking from './20261204_190000_search_change_tracking';

export const migrations = [
  {
    up: migration_20261126_112428_initial.up,
    down: migration_20261126_112428_initial.down,
    name: '20261126_112428_initial',
  },
  {
    up: migration_20261202_212340_admin_stock_status_history_names_seller.up,
    down: migration_20261202_212340_admin_stock_status_history_names_seller.down,
    name: '20261202_212340_admin_stock_status_history_names_seller',
  },
  {
    up: migration_20261202_214447_csv_imports.up,
    down: migration_20261202_214447_csv_imports.down,
    name: '20261202_214447_csv_imports',
  },
  {
    up: migration_20261203_012030_search.up,
    down: migration_20261203_012030_search.down,
    name: '20261203_012030_search',
  },
  {
    up: migration_20261203_023550_bank_details.up,
    down: migration_20261203_023550_bank_details.down,
    name: '20261203_023550_bank_details',
  },
  {
    up: migration_20261203_060138_integrators_plugins_storefront.up,
    down: migration_20261203_060138_integrators_plugins_storefront.down,
    name: '20261203_060138_integrators_plugins_storefront',
  },
  {
    up: migration_20261203_090000_catalogue_read_model.up,
    down: migration_20261203_090000_catalogue_read_model.down,
    name: '20261203_090000_catalogue_read_model',
  },
  {
    up: migration_20261203_095236_security_scale_speed.up,
    down: migration_20261203_095236_security_scale_speed.down,
    name: '20261203_095236_security_scale_speed',
  },
  {
    up: migration_20261203_125424_password_reset_job.up,
    down: migration_20261203_125424_password_reset_job.down,
    name: '20261203_125424_password_reset_job',
  },
  {
    up: migration_20261203_160000_catalogue_published_count.up,
    down: migration_20261203_160000_catalogue_published_count.down,
    name: '20261203_160000_catalogue_published_count',
  },
  {
    up: migration_20261204_150000_search_category_ids.up,
    down: migration_20261204_150000_search_category_ids.down,
    name: '20261204_150000_search_category_ids',
  },
  {
    up: migration_20261204_190000_search_change_tracking.up,
    down: migration_20261204_190000_search_change_tracking.down,
    name: '20261204_190000_search_change_tracking',
  },
];
