import { json, type SimResponse } from '../kit/http.js';

/**
 * The document wraps bodies in two envelopes and never says which endpoint uses which,
 * so each route declares the style its own example shows:
 * - `status_code`: the older `{status_code, message_en, message_cn, data}`
 *   (cluster add/delete/top examples);
 * - `scode`: `{scode, desc, message, message_cn, stack, data}` (cluster get, metadata
 *   snapshot and host task examples);
 * - `scode+messageCn`: the same plus an always-empty `messageCn`, which the list,
 *   storage, compute statistic and inspection examples carry.
 * Endpoints without an example use the style of their closest documented sibling.
 */
export type EnvelopeStyle = 'status_code' | 'scode' | 'scode+messageCn';

export function success(style: EnvelopeStyle, data: unknown): SimResponse {
  if (style === 'status_code') return json(200, { status_code: 0, message_en: 'success', message_cn: '成功', data });
  return json(200, {
    scode: 0,
    desc: '',
    message: 'success',
    message_cn: '成功',
    ...(style === 'scode+messageCn' ? { messageCn: '' } : {}),
    stack: null,
    data,
  });
}

/**
 * A failure as the vendor reports it. The document's "异常返回示例" and "状态码"
 * sections are all empty, so the codes below are this simulator's own (10xxx for
 * request and state problems); `desc` carries the detail, as the documented `desc`
 * field suggests. Runtime-level failures (unknown route, wrong method, injected
 * faults) echo the HTTP status as the code, since no vendor code exists for them.
 */
export class HciError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    readonly messageEn: string,
    readonly messageCn: string,
    readonly desc = '',
    /** Some failures still report data (a failed host task reports where it stopped). */
    readonly data: unknown = null,
  ) {
    super(messageEn);
  }
}

export const errors = {
  paramRequired: (name: string) => new HciError(400, 10001, `param ${name} is required`, `参数${name}不能为空`, `missing required parameter: ${name}`),
  paramInvalid: (name: string, why: string) => new HciError(400, 10002, `param ${name} is invalid: ${why}`, `参数${name}不合法`, `${name}: ${why}`),
  clusterNotFound: (uuid: string) => new HciError(404, 10003, `cluster ${uuid} not found`, `集群${uuid}不存在`, `no cluster with uuid ${uuid}`),
  hostNotFound: (uuid: string) =>
    new HciError(404, 10004, `host ${uuid} not found in cluster`, `主机${uuid}不存在`, `no host with uuid ${uuid} in this cluster`),
  clusterExists: (what: string) => new HciError(409, 10005, `cluster already exists: ${what}`, `集群已存在: ${what}`, what),
  notCenterNode: (ip: string) =>
    new HciError(400, 10006, `${ip} is not a center node of the cluster`, `${ip}不是集群的center节点`, `ip ${ip} is not among the cluster candidates`),
  centerUnreachable: (ip: string) =>
    new HciError(500, 10007, `connect to center node ${ip} failed`, `连接center节点${ip}失败`, `dial tcp ${ip}:9990: connect: no route to host`),
  snapshotNotFound: (file: string) => new HciError(404, 10008, `snapshot ${file} not found`, `元数据快照${file}不存在`, `no such file: ${file}`),
  inspectionRunning: () => new HciError(409, 10009, 'cluster inspection is already in progress', '集群正在检测中', 'stop the running inspection first'),
  clusterBusy: (why: string, whyCn: string) =>
    new HciError(409, 10010, `cluster cannot be deleted: ${why}`, `集群不能删除: ${whyCn}`, 'retry with force=true to delete anyway'),
  inspectionAborted: (ip: string) =>
    new HciError(
      500,
      10012,
      `inspection aborted: agent on ${ip} did not respond within 120s`,
      `检测中止: 主机${ip}的agent在120秒内无响应`,
      `rpc timeout: ${ip}:9990`,
    ),
  serviceVmNotFound: (uuid: string) =>
    new HciError(404, 10013, `storage service vm ${uuid} not found`, `存储服务虚拟机${uuid}不存在`, `no storage service vm with uuid ${uuid} in this cluster`),
  cvmNotFound: (machine: string) =>
    new HciError(404, 10014, `no cloud manager vm on host ${machine}`, `主机${machine}上没有云管服务`, `no cvm on machine ${machine}`),
  conflict: (what: string, whatCn: string, desc: string) => new HciError(409, 10015, what, whatCn, desc),
  hostTaskFailed: (progress: number, why: string, whyCn: string) =>
    new HciError(200, 10011, `host task failed: ${why}`, `主机任务失败: ${whyCn}`, why, { progress }),
} as const;

export function failure(style: EnvelopeStyle, err: HciError): SimResponse {
  if (style === 'status_code') {
    return json(err.httpStatus, { status_code: err.code, message_en: err.messageEn, message_cn: err.messageCn, data: err.data });
  }
  return json(err.httpStatus, {
    scode: err.code,
    desc: err.desc,
    message: err.messageEn,
    message_cn: err.messageCn,
    ...(style === 'scode+messageCn' ? { messageCn: err.messageCn } : {}),
    stack: null,
    data: err.data,
  });
}

const RUNTIME_MESSAGES_CN: Record<number, string> = {
  400: '请求参数错误',
  401: '未授权',
  403: '禁止访问',
  404: '资源不存在',
  405: '请求方法不允许',
  429: '请求过于频繁',
  500: '服务内部错误',
  502: '网关错误',
  503: '服务不可用',
  504: '网关超时',
};

/** The runtime's errors (no route known): the newer envelope, which most routes use. */
export function runtimeError(status: number, message: string): SimResponse {
  return failure('scode', new HciError(status, status, message, RUNTIME_MESSAGES_CN[status] ?? '请求失败', message));
}
