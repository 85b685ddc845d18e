// The background worker's entry point: the only owner of the database.
import { browser } from '../platform/browser';
import { CrisscrossDb } from '../storage/db';
import { listenToClientMessages } from './client-messages';
import { createBackground } from './create-background';

const background = createBackground({ browser, db: new CrisscrossDb() });
background.start();
listenToClientMessages(background.router, browser.runtime.id);
