// The listing worker: reads every case folder of one cases folder with synchronous reads, on its own thread, and
// posts their summaries. Several times faster than thousands of asynchronous reads, and the extension host's
// thread stays free meanwhile. Built as dist/listWorker.mjs; started (and stopped past its time limit) by
// listCaseFoldersInWorker.
import { parentPort, workerData } from 'node:worker_threads';
import { postCaseFolderSummaries } from './model/listing';

const { casesFolder, reading } = workerData as { casesFolder: string; reading: Int32Array };
postCaseFolderSummaries(casesFolder, (message) => parentPort?.postMessage(message), reading);
