import i18n from './i18n';
/** What the server sends when a request fails: `{ error: { code, message, details? } }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];
  readonly details: unknown;
  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldIssue[] = [],
    details: unknown = undefined,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  get isNotFound() {
    return this.status === 404;
  }
}

function toApiError(status: number, statusText: string, data: unknown): ApiError {
  const err = (data as { error?: { code?: string; message?: string; details?: { fields?: FieldIssue[] } } })
    ?.error;
  return new ApiError(
    status,
    err?.code ?? (status === 404 ? 'not_found' : 'error'),
    err?.message ?? statusText,
    err?.details?.fields ?? [],
    err?.details,
  );
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A multipart upload that reports how much of the file has left the browser (0–1). */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(toApiError(xhr.status, xhr.statusText, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Network error'));
    xhr.send(form);
  });
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    // The server words its messages in the interface's language.
    headers: { accept: 'application/json', 'accept-language': i18n.language },
  };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const data = parse(await res.text());
  if (!res.ok) throw toApiError(res.status, res.statusText, data);
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
