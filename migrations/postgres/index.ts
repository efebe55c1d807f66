import * as migration_20261126_095826_initial from './20261126_095826_initial';

export const migrations = [
  {
    up: migration_20261126_095826_initial.up,
    down: migration_20261126_095826_initial.down,
    name: '20261126_095826_initial'
  },
];
