import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { useMemo } from 'react';
import Chart, { echarts } from './chart';

// world-atlas names countries by ISO 3166-1 numeric code; participants are alpha-3. Registered once per page.
const geo = feature(
  world as unknown as Topology,
  (world as unknown as Topology).objects.countries as GeometryCollection,
);
echarts.registerMap('world', geo as never);

/** A choropleth on the world outlines of world-atlas (no tiles, no WebGL): the figure per recipient state. */
export default function SupportMap({ values, label }: { values: Record<string, number>; label: string }) {
  const option = useMemo(() => {
    const data = Object.entries(values).map(([alpha3, value]) => ({
      name: countryName(alpha3),
      value: Math.round(value),
    }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max, left: 'left', bottom: 0, calculable: true, inRange: { color: ['#e3f2fd', '#0d47a1'] } },
      series: [{ type: 'map', map: 'world', roam: true, emphasis: { label: { show: false } }, data }],
    };
  }, [values]);
  return <Chart option={option} label={label} name="support-map" height={420} />;
}

const names = new Map(
  (geo as unknown as { features: { id: string; properties: { name: string } }[] }).features.map((f) => [
    f.id,
    f.properties.name,
  ]),
);

function countryName(alpha3: string): string {
  const numeric = countries.alpha3ToNumeric(alpha3);
  return (numeric && names.get(numeric)) || alpha3;
}
