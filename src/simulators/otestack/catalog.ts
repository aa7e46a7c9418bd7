/**
 * Vocabulary for a believable edge fleet: the OTE-stack document is a video security
 * monitoring platform, so clusters are edge sites in Chinese cities and apps are video
 * analytics workloads.
 */

export interface City {
  code: string;
  name: string;
  region: string;
  districts: readonly string[];
}

export const CITIES: readonly City[] = [
  { code: 'bj', name: 'beijing', region: 'north-china', districts: ['haidian', 'chaoyang', 'yizhuang', 'shunyi'] },
  { code: 'tj', name: 'tianjin', region: 'north-china', districts: ['binhai', 'xiqing'] },
  { code: 'sh', name: 'shanghai', region: 'east-china', districts: ['pudong', 'jiading', 'minhang', 'songjiang'] },
  { code: 'hz', name: 'hangzhou', region: 'east-china', districts: ['xihu', 'binjiang', 'xiaoshan'] },
  { code: 'gz', name: 'guangzhou', region: 'south-china', districts: ['tianhe', 'panyu', 'huangpu'] },
  { code: 'sz', name: 'shenzhen', region: 'south-china', districts: ['nanshan', 'longgang', 'baoan'] },
  { code: 'cd', name: 'chengdu', region: 'southwest-china', districts: ['gaoxin', 'shuangliu'] },
  { code: 'wh', name: 'wuhan', region: 'central-china', districts: ['hongshan', 'jiangxia'] },
  { code: 'xa', name: 'xian', region: 'northwest-china', districts: ['yanta', 'weiyang'] },
];

/** Kinds of edge site, used as a cluster label. */
export const SITE_KINDS = ['campus', 'factory', 'metro', 'highway', 'mec-5g', 'retail'] as const;

/** Node roles, used as node labels. */
export const NODE_ROLES = ['camera-ingest', 'video-analytics', 'gateway', 'storage'] as const;

export const KERNELS = {
  ubuntu: ['4.15.0-213-generic', '5.4.0-150-generic', '5.15.0-91-generic'],
  centos: ['3.10.0-1160.el7.x86_64', '4.18.0-348.7.1.el8_5.x86_64'],
} as const;

export interface AppTemplate {
  name: string;
  kind: 'deployment' | 'daemonset';
  project: string;
  image: string;
  versions: readonly string[];
  port: number;
  gpu: number;
  env: readonly [string, string][];
  volumes: readonly [string, string, boolean][];
  dependsOn?: { name: string; port: number };
}

export const APPS: readonly AppTemplate[] = [
  {
    name: 'rtsp-gateway',
    kind: 'deployment',
    project: 'vsm',
    image: 'vsm/rtsp-gateway',
    versions: ['1.4', '1.5', '2.0'],
    port: 554,
    gpu: 0,
    env: [['RTSP_TRANSPORT', 'tcp']],
    volumes: [['/var/log/rtsp-gateway', '/data/logs/rtsp-gateway', false]],
  },
  {
    name: 'face-detect',
    kind: 'deployment',
    project: 'vsm',
    image: 'vsm/face-detect',
    versions: ['2.1', '2.2', '2.3'],
    port: 8500,
    gpu: 1,
    env: [['MODEL_PATH', '/models/retinaface']],
    volumes: [['/models', '/data/models', true]],
    dependsOn: { name: 'redis-cache', port: 6379 },
  },
  {
    name: 'plate-recognition',
    kind: 'deployment',
    project: 'vsm',
    image: 'vsm/plate-recognition',
    versions: ['3.0', '3.1'],
    port: 8501,
    gpu: 1,
    env: [['OCR_LANG', 'zh']],
    volumes: [['/models', '/data/models', true]],
  },
  {
    name: 'video-ingest',
    kind: 'daemonset',
    project: 'vsm',
    image: 'vsm/video-ingest',
    versions: ['1.8', '1.9', '1.10'],
    port: 9000,
    gpu: 0,
    env: [['SEGMENT_SECONDS', '10']],
    volumes: [['/var/lib/vsm', '/data/vsm', false]],
  },
  {
    name: 'alert-push',
    kind: 'deployment',
    project: 'vsm',
    image: 'vsm/alert-push',
    versions: ['1.2', '1.3'],
    port: 8080,
    gpu: 0,
    env: [['PUSH_ENDPOINT', 'https://alert.vsm.internal/v1/events']],
    volumes: [['/var/spool/alert-push', '/data/alert-push', false]],
    dependsOn: { name: 'edge-mqtt', port: 1883 },
  },
  {
    name: 'edge-mqtt',
    kind: 'deployment',
    project: 'middleware',
    image: 'middleware/emqx',
    versions: ['4.4', '5.1'],
    port: 1883,
    gpu: 0,
    env: [['EMQX_NAME', 'edge']],
    volumes: [['/opt/emqx/data', '/data/emqx', false]],
  },
  {
    name: 'redis-cache',
    kind: 'deployment',
    project: 'middleware',
    image: 'middleware/redis',
    versions: ['6.2', '7.0'],
    port: 6379,
    gpu: 0,
    env: [['REDIS_MAXMEMORY', '512mb']],
    volumes: [['/data', '/data/redis', false]],
  },
  {
    name: 'node-exporter',
    kind: 'daemonset',
    project: 'monitoring',
    image: 'monitoring/node-exporter',
    versions: ['1.5', '1.6'],
    port: 9100,
    gpu: 0,
    env: [],
    volumes: [
      ['/host/proc', '/proc', true],
      ['/host/sys', '/sys', true],
    ],
  },
  {
    name: 'fluent-bit',
    kind: 'daemonset',
    project: 'monitoring',
    image: 'monitoring/fluent-bit',
    versions: ['2.1', '2.2'],
    port: 2020,
    gpu: 0,
    env: [['FLB_LOG_LEVEL', 'info']],
    volumes: [['/var/log', '/var/log', true]],
  },
  {
    name: 'nginx-edge',
    kind: 'deployment',
    project: 'vsm',
    image: 'library/nginx',
    versions: ['1.24', '1.25'],
    port: 80,
    gpu: 0,
    env: [['NGINX_PATH', '/usr/share/nginx/']],
    volumes: [['/usr/share/nginx/html', '/data/www', true]],
  },
];

export const REGISTRY = 'registry.dcdn.baidu.com';

export const BUSINESSES = ['smart-campus', 'traffic-video', 'factory-safety', 'metro-security'] as const;

export const SURNAMES = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang'] as const;
