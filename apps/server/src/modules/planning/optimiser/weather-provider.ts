/** A day's forecast at one point: what decides whether outdoor work should wait. */
export type DayForecast = {
  date: string;
  /** mm over the day. */
  precipitationMm: number;
  /** °C, the night's low. */
  minTemperatureC: number;
  /** km/h, the strongest gust. */
  maxGustKmh: number;
};

export type SevereWeather = 'rain' | 'frost' | 'storm';

/**
 * Outdoor work (a pole mounted, a ground cable trenched: outdoor-work.ts) is not planned on a day
 * with heavy rain (10 mm or more: KNMI's "zware regen" over a day starts there), frost (a low below
 * -2 °C, when concrete bases and trenches cannot be worked) or storm (gusts of 75 km/h, Beaufort 9).
 */
export function severeWeather(day: DayForecast): SevereWeather[] {
  const severe: SevereWeather[] = [];
  if (day.precipitationMm >= 10) severe.push('rain');
  if (day.minTemperatureC <= -2) severe.push('frost');
  if (day.maxGustKmh >= 75) severe.push('storm');
  return severe;
}

/**
 * The weather port. `forecast` answers per point the days it knows, or null when there is no forecast
 * at all (the offline default): pages then say "geen weersverwachting beschikbaar".
 */
export interface WeatherProvider {
  readonly name: string;
  forecast(points: readonly { lat: number; lon: number }[], from: string, to: string): Promise<DayForecast[][] | null>;
}

/** No network, no forecast. */
export const noWeather: WeatherProvider = { name: 'geen', forecast: async () => null };
