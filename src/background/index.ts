// The background worker's entry point: the only owner of the database.
import { browser } from '../platform/browser';
import { CrisscrossDb } from '../storage/db';
import { createBackground } from './create-background';

createBackground({ browser, db: new CrisscrossDb() }).start();
