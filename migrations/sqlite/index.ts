import * as migration_20261126_112409_initial from './20261126_112409_initial';

export const migrations = [
  {
    up: migration_20261126_112409_initial.up,
    down: migration_20261126_112409_initial.down,
    name: '20261126_112409_initial'
  },
];
