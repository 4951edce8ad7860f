import { Button, Group } from '@mantine/core';
import { BarChart, HeatmapChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { download } from './data-table';

echarts.use([
  BarChart,
  HeatmapChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);
export { echarts };

/** ECharts with the SVG renderer (no canvas, no WebGL); every chart downloads as SVG or PNG. */
export default function Chart({
  option,
  label,
  name,
  height = 360,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  name: string;
  height?: number;
}) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    chart.current = echarts.init(element.current!, undefined, { renderer: 'svg' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => chart.current?.setOption(option, true), [option]);

  const svg = () => chart.current!.renderToSVGString();
  const png = () => {
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), {
        width: image.width * 2,
        height: image.height * 2,
      });
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => blob && download(`${name}.png`, 'image/png', blob));
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg())}`;
  };
  return (
    <figure style={{ margin: 0 }}>
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={() => download(`${name}.svg`, 'image/svg+xml', svg())}>
          {t('chart.svg')}
        </Button>
        <Button size="xs" variant="default" onClick={png}>
          {t('chart.png')}
        </Button>
      </Group>
    </figure>
  );
}
