// The listing worker: reads every case folder of one cases folder with synchronous reads, on its own thread, and
// posts their summaries. Several times faster than thousands of asynchronous reads, and the extension host's
// thread stays free meanwhile. Built as dist/listWorker.mjs; started by listCaseFoldersInWorker.
import { parentPort, workerData } from 'node:worker_threads';
import { listCaseFoldersSync } from './model/listing';

parentPort?.postMessage(listCaseFoldersSync((workerData as { casesFolder: string }).casesFolder));
