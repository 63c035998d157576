// Module Web Worker, one for the app's lifetime (see import-client.ts): reads an imported file,
// keeps its tables and validates its rows off the main thread. Receives an ImportRequest, posts
// {type:'progress', id, done, total} every 200 rows, then {type:'result', id, result} or
// {type:'error', id, name, message}. See import-core.ts.
import { handleImportRequest, type ImportRequest, type ImportResponse } from './import-core';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (message: ImportResponse) => void;
};

scope.onmessage = (event) => {
  void handleImportRequest(event.data, (response) => scope.postMessage(response));
};
