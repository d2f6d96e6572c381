import type { lists as en } from '../en/lists.js'

/** 句中列表的连接方式：顿号分隔，最后一项前用“和”/“或”；空格只加在汉字与拉丁字符相接处（src/messages/list.ts）。 */
export const lists: Record<keyof typeof en, string> = {
  LIST_SEP: '、',
  LIST_AND: '和',
  LIST_OR_SEP: '、',
  LIST_OR: '或',
  LIST_SEMI: '；',
  LIST_SLASH: '/',
}
