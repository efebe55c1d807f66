import * as migration_20261126_092808_initial from './20261126_092808_initial';

export const migrations = [
  {
    up: migration_20261126_092808_initial.up,
    down: migration_20261126_092808_initial.down,
    name: '20261126_092808_initial'
  },
];
