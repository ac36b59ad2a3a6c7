// Type-only API contract: the body of every error response.
export interface LocalisedText {
  'zh-CN': string;
  en: string;
}

export interface FieldError {
  /** Where the bad value is: `body.username`, `query.limit`, `params.id`. */
  field: string;
  /** The JSON-schema rule that failed (minLength, format, required, …). */
  rule: string;
  messageKey: string;
  messages: LocalisedText;
}

export interface ApiErrorBody {
  error: {
    code: string;
    status: number;
    /** `errors.<CODE>` — i18n key for the console. */
    messageKey: string;
    /** In the request's language (Accept-Language; zh-CN by default). */
    message: string;
    messages: LocalisedText;
    fields?: FieldError[];
    requestId: string;
    details?: Record<string, unknown>;
  };
}
