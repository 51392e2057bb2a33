/**
 * The answer letter's decision for each outcome of table 三 (the leaf rows of table B): the
 * statutory wording of the 《中华人民共和国政府信息公开条例》 (2019) and the article it rests on.
 * `{correctionOn}` and `{feeNoticeOn}` are filled with the dates of the case's earlier steps.
 */

const ACT = '《中华人民共和国政府信息公开条例》';

export interface OutcomeWording {
  /** The decision paragraph(s). */
  decision: string[];
  /** The articles, as cited in the letter's legal basis. */
  basis: string;
}

function refused(reason: string, article: string): OutcomeWording {
  return {
    decision: [`经审查，您申请公开的政府信息${reason}。根据${ACT}${article}、第三十六条第（三）项的规定，本机关决定不予公开。`],
    basis: `${ACT}${article}、第三十六条第（三）项`,
  };
}

/** The wording by outcome key (`granted`, `refused.third_party`, …). */
export const OUTCOME_WORDING: Readonly<Record<string, OutcomeWording>> = {
  granted: {
    decision: [
      `经审查，您申请公开的政府信息属于公开范围。根据${ACT}第三十六条第（二）项的规定，本机关决定予以公开，随本答复书向您提供该政府信息；不便随文提供的，请按本机关告知的方式、途径和时间获取。`,
    ],
    basis: `${ACT}第三十六条第（二）项`,
  },
  partial: {
    decision: [
      `经审查，您申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据${ACT}第三十七条的规定，本机关向您提供可以公开的政府信息内容。`,
      `对不予公开的内容，理由是：该部分内容属于依照${ACT}第十四条、第十五条、第十六条规定不予公开的政府信息，或者不属于政府信息。`,
    ],
    basis: `${ACT}第三十七条`,
  },
  'refused.state_secret': refused('属于依法确定为国家秘密的政府信息', '第十四条'),
  'refused.prohibited': refused('属于法律、行政法规禁止公开的政府信息', '第十四条'),
  'refused.security_stability': refused('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条'),
  'refused.third_party': refused(
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，第三方不同意公开，且本机关认为不公开不会对公共利益造成重大影响',
    '第十五条',
  ),
  'refused.internal_affairs': refused('属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）', '第十六条第一款'),
  'refused.process_info': refused('属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息', '第十六条第二款'),
  'refused.enforcement_file': refused('属于行政执法案卷信息', '第十六条第二款'),
  'refused.inquiry': {
    decision: [
      `经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据${ACT}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。`,
    ],
    basis: `${ACT}第三十六条第（七）项`,
  },
  'unable.not_held': {
    decision: [
      `经检索，本机关没有您所申请公开的政府信息：该政府信息不存在，或者不属于本机关负责公开。根据${ACT}第三十六条第（四）项、第（五）项的规定，特此告知；能够确定负责公开该政府信息的行政机关的，您可以向该行政机关提出申请。`,
    ],
    basis: `${ACT}第三十六条第（四）项、第（五）项`,
  },
  'unable.needs_creation': {
    decision: [`经审查，本机关没有现成的您所申请公开的信息，需要对现有政府信息进行加工、分析方能形成。根据${ACT}第三十八条的规定，本机关不予提供。`],
    basis: `${ACT}第三十八条`,
  },
  'unable.still_unclear': {
    decision: [
      `本机关已告知您对申请作出补正，但补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。根据${ACT}第三十条的规定，本机关无法向您提供。`,
    ],
    basis: `${ACT}第三十条`,
  },
  'rejected.petition': {
    decision: [
      `经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${ACT}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。`,
    ],
    basis: `${ACT}第三十九条第一款`,
  },
  'rejected.duplicate': {
    decision: [
      `经审查，本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据${ACT}第三十六条第（六）项的规定，本机关不予重复处理。`,
    ],
    basis: `${ACT}第三十六条第（六）项`,
  },
  'rejected.publication': {
    decision: [
      `经审查，您申请的内容为要求本机关提供政府公报、报刊、书籍等公开出版物。根据${ACT}第三十九条第二款的规定，本机关不作为政府信息公开申请处理；您可以通过公开发行渠道、公共图书馆等途径获取。`,
    ],
    basis: `${ACT}第三十九条第二款`,
  },
  'rejected.vexatious': {
    decision: [
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查认为申请理由不合理。根据${ACT}第三十五条的规定，本机关不予处理。`,
    ],
    basis: `${ACT}第三十五条`,
  },
  'rejected.reconfirm': {
    decision: [
      `经审查，您申请的内容为要求本机关确认或者重新出具您已获取的信息，不属于申请获取本机关已制作或者获取的政府信息。根据${ACT}第二条、第三十八条的规定，本机关不作为政府信息公开申请处理。`,
    ],
    basis: `${ACT}第二条、第三十八条`,
  },
  'other.no_correction': {
    decision: [
      `本机关已于{correctionOn}告知您对申请作出补正，您无正当理由逾期未补正。根据${ACT}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    basis: `${ACT}第三十条`,
  },
  'other.fee_unpaid': {
    decision: [
      `本机关已于{feeNoticeOn}向您发出收费通知，您逾期未按照收费通知的要求缴纳信息处理费。根据${ACT}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    basis: `${ACT}第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
  },
  'other.other': {
    decision: [`经审查，本机关依照${ACT}第三十六条的规定，对您的申请作出上述以外的其他处理，特此告知。`],
    basis: `${ACT}第三十六条`,
  },
};
