import * as migration_20261126_100657_initial from './20261126_100657_initial';
import * as migration_20261126_102356_ops_jobs_tasks from './20261126_102356_ops_jobs_tasks';

export const migrations = [
  {
    up: migration_20261126_100657_initial.up,
    down: migration_20261126_100657_initial.down,
    name: '20261126_100657_initial',
  },
  {
    up: migration_20261126_102356_ops_jobs_tasks.up,
    down: migration_20261126_102356_ops_jobs_tasks.down,
    name: '20261126_102356_ops_jobs_tasks'
  },
];
