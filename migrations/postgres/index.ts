import * as migration_20261126_092837_initial from './20261126_092837_initial';

export const migrations = [
  {
    up: migration_20261126_092837_initial.up,
    down: migration_20261126_092837_initial.down,
    name: '20261126_092837_initial'
  },
];
