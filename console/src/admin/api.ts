// 节假日安排 through the server (server/src/calendar-admin/calendar-routes.ts).
import { api } from '../api/http.ts';

export interface ArrangementYear {
  year: number;
  source: string;
  offDays: number;
  workDays: number;
  importedBy: string | null;
  importedAt: string | null;
}

export interface CalendarWarningDto {
  code: string;
  year: number;
  firstDate: string;
  message: string;
  messageZh: string;
}

export interface CalendarApi {
  list(): Promise<{ years: ArrangementYear[]; warnings: CalendarWarningDto[] }>;
  importYear(year: number, csv: string): Promise<{ year: number; offDays: number; workDays: number }>;
}

export const calendarApi: CalendarApi = {
  list: () => api('GET', '/api/calendar/arrangements'),
  importYear: (year, csv) => api('PUT', `/api/calendar/arrangements/${year}`, { csv }),
};
