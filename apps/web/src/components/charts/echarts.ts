import { use } from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// The parts of ECharts the app draws with, registered once (tree-shaken: only these are bundled).
// SVG: a handful of points per chart, crisp at any zoom, and the text stays selectable in tooltips.
use([LineChart, BarChart, CustomChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);
