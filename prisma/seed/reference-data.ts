// Reference data loaded by `npm run db:seed`: the 14 lĩnh vực, the 4 tiêu chuẩn chung,
// sample phong trào thi đua, emulation blocks and a sample unit tree.
//
// Names follow the project's domain notes (shared/DOMAIN.md). The field help texts are
// concise rephrasings of section III.3 "Tiêu chuẩn cụ thể" of the published plan of
// UBND huyện Lâm Thao (Phú Thọ), "Kế hoạch tuyên truyền gương điển hình tiên tiến giai
// đoạn 2022 - 2025". The Sơn La departments are named as in Kế hoạch số 405/KH-CSĐTNTMT
// (24/6/2022) of Cơ sở Điều trị nghiện ma túy tỉnh Sơn La. The unit tree is sample data
// shaped like the 2022–2025 administrative structure those plans describe.

import type { BlockSeed, CriterionSeed, FieldSeed, MovementSeed, UnitSeed } from "./reference-types";

export const fields: FieldSeed[] = [
  {
    number: 1,
    code: "F01",
    nameVi: "Xây dựng Đảng, chính quyền, đoàn thể",
    nameEn: "Building the Party, government and mass organisations",
    helpVi:
      "Dành cho người, tập thể sáng tạo trong lãnh đạo, điều hành, xây dựng Đảng, chính quyền, đoàn thể; dám nghĩ, dám làm, dám chịu trách nhiệm, chống tham nhũng, tiêu cực và là tấm gương học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    helpEn:
      "For people and groups who lead and get things done creatively in building the Party, government and mass organisations; who dare to think, act and take responsibility, fight corruption and wrongdoing, and follow Ho Chi Minh's thought, ethics and style.",
  },
  {
    number: 2,
    code: "F02",
    nameVi: "Quốc phòng, an ninh",
    nameEn: "National defence and security",
    helpVi:
      "Dành cho những tấm gương trong huấn luyện, sẵn sàng chiến đấu, xây dựng đơn vị vững mạnh; tham gia phòng, chống thiên tai, dịch bệnh; đấu tranh phòng, chống tội phạm, tệ nạn xã hội, giữ gìn an ninh, trật tự.",
    helpEn:
      "For exemplars in training, combat readiness and building strong units; in helping against natural disasters and epidemics; and in fighting crime and social evils to keep security and public order.",
  },
  {
    number: 3,
    code: "F03",
    nameVi: "Công thương, xây dựng, giao thông vận tải",
    nameEn: "Industry and trade, construction, transport",
    helpVi:
      "Dành cho những tấm gương giúp hàng hóa lưu thông, đẩy mạnh xuất khẩu, thương mại điện tử, quản lý thị trường; có sáng kiến, cải tiến kỹ thuật, ứng dụng khoa học, công nghệ, thực hành tiết kiệm, chống lãng phí.",
    helpEn:
      "For exemplars who keep goods moving and boost exports, e-commerce and market oversight; who come up with initiatives and technical improvements, apply science and technology, and practise thrift and fight waste.",
  },
  {
    number: 4,
    code: "F04",
    nameVi: "Nông nghiệp, nông thôn mới",
    nameEn: "Agriculture and new rural development",
    helpVi:
      "Dành cho nông dân, hộ gia đình, hợp tác xã sản xuất nông nghiệp sạch, hữu cơ, tuần hoàn, sinh thái, và những người, tập thể góp sức xây dựng nông thôn mới.",
    helpEn:
      "For farmers, households and cooperatives doing clean, organic, circular or ecological farming, and for people and groups who help with new rural development.",
  },
  {
    number: 5,
    code: "F05",
    nameVi: "Tài chính, ngân hàng, thuế, bảo hiểm xã hội",
    nameEn: "Finance, banking, tax and social insurance",
    helpVi:
      "Dành cho những tấm gương trong ngành tài chính, ngân hàng, thuế, bảo hiểm xã hội biết ứng dụng công nghệ, đơn giản hóa thủ tục hành chính, phát triển thương hiệu, sản phẩm, dịch vụ, hoặc làm tốt công tác thu ngân sách nhà nước.",
    helpEn:
      "For exemplars in finance, banking, tax and social insurance who apply technology, simplify administrative procedures, develop brands, products and services, or do excellent work collecting state revenue.",
  },
  {
    number: 6,
    code: "F06",
    nameVi: "Y tế",
    nameEn: "Health",
    helpVi:
      "Dành cho những người làm y tế vững chuyên môn, tận tâm, góp phần nâng cao sức khỏe thể chất và tinh thần của người dân, xây dựng nền y tế công bằng, chất lượng, hiệu quả, ứng dụng công nghệ.",
    helpEn:
      "For health workers with solid skills and real dedication who improve people's physical and mental health and help build fair, high-quality, effective health care that makes good use of technology.",
  },
  {
    number: 7,
    code: "F07",
    nameVi: "Giáo dục và đào tạo",
    nameEn: "Education and training",
    helpVi:
      "Dành cho thầy cô, học sinh, sinh viên, nhà trường và những ai góp phần nâng cao chất lượng, hiệu quả dạy và học, phát triển giáo dục toàn diện.",
    helpEn:
      "For teachers, students, schools and anyone who raises the quality and effectiveness of teaching and learning and supports all-round education.",
  },
  {
    number: 8,
    code: "F08",
    nameVi: "Khoa học và công nghệ",
    nameEn: "Science and technology",
    helpVi:
      "Dành cho những tấm gương phát huy tiềm lực khoa học và công nghệ, thúc đẩy đổi mới, sáng tạo, biết khơi dậy năng lực, trí tuệ của tập thể và cá nhân.",
    helpEn:
      "For exemplars who make the most of science and technology, drive innovation and creativity, and bring out the abilities and ideas of groups and individuals.",
  },
  {
    number: 9,
    code: "F09",
    nameVi: "Văn hóa, nghệ thuật, thể dục, thể thao",
    nameEn: "Culture, arts, physical education and sport",
    helpVi:
      "Dành cho những tấm gương lan tỏa, tôn vinh các giá trị chân – thiện – mỹ, giúp văn hóa, nghệ thuật, thể dục, thể thao thực sự trở thành sức mạnh cho sự phát triển của quê hương.",
    helpEn:
      "For exemplars who spread and honour truth, goodness and beauty, and make culture, the arts and sport a real driving force in their community's development.",
  },
  {
    number: 10,
    code: "F10",
    nameVi: "Đối ngoại",
    nameEn: "Foreign affairs",
    helpVi:
      "Dành cho những tấm gương có cách làm sáng tạo, đổi mới tư duy, thúc đẩy hợp tác quốc tế về kinh tế, khoa học, công nghệ, giáo dục, lao động, giao lưu nhân dân, ứng phó biến đổi khí hậu.",
    helpEn:
      "For exemplars whose creative, fresh thinking advances international cooperation in the economy, science, technology, education, labour, people-to-people exchange and climate action.",
  },
  {
    number: 11,
    code: "F11",
    nameVi: "Thông tin và truyền thông, chuyển đổi số",
    nameEn: "Information and communications, digital transformation",
    helpVi:
      "Dành cho những tấm gương ứng dụng công nghệ thông tin, chuyển đổi số, bảo đảm an toàn, an ninh mạng, góp phần xây dựng kinh tế số, xã hội số, cùng những người làm báo chí, truyền thông tiêu biểu.",
    helpEn:
      "For exemplars in information technology, digital transformation and cybersecurity who help build the digital economy and society, and for outstanding people in journalism and media.",
  },
  {
    number: 12,
    code: "F12",
    nameVi: "Cải cách hành chính",
    nameEn: "Administrative reform",
    helpVi:
      "Dành cho những tấm gương thực hiện tốt cải cách hành chính, góp phần xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu quả, liêm chính, phục vụ nhân dân.",
    helpEn:
      "For exemplars of administrative reform who help build a democratic, professional, modern, lean and effective administration with integrity, serving the people.",
  },
  {
    number: 13,
    code: "F13",
    nameVi: "An sinh xã hội (giảm nghèo, từ thiện nhân đạo)",
    nameEn: "Social welfare (poverty reduction, charity and humanitarian work)",
    helpVi:
      "Dành cho người, gia đình, tập thể tích cực giảm nghèo, chăm lo an sinh xã hội, làm từ thiện, nhân đạo, giúp nâng cao đời sống vật chất và tinh thần của người dân.",
    helpEn:
      "For people, families and groups who help reduce poverty, look after social welfare, and do charity and humanitarian work that improves people's lives, materially and in spirit.",
  },
  {
    number: 14,
    code: "F14",
    nameVi: "Đời sống xã hội (người tốt việc tốt, bảo vệ môi trường, phòng chống thiên tai)",
    nameEn: "Social life (good people and good deeds, environmental protection, disaster prevention)",
    helpVi:
      "Dành cho người dân, nhất là người trực tiếp lao động, sản xuất, gương mẫu xây dựng đời sống văn hóa, tích cực bảo vệ môi trường, phòng, chống thiên tai, dịch bệnh; và những tập thể đoàn kết, sáng tạo, đóng góp cho quê hương.",
    helpEn:
      "For ordinary people, especially those who work and produce directly, who set an example in community life, protect the environment and help against natural disasters and epidemics; and for close-knit, creative groups that give back to their community.",
  },
];

export const criteria: CriterionSeed[] = [
  {
    number: 1,
    code: "C1",
    nameVi: "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
    nameEn: "Exemplary in following the Party's guidelines and the State's policies and laws",
    shortVi: "Gương mẫu chấp hành pháp luật",
    shortEn: "Exemplary in following the law",
  },
  {
    number: 2,
    code: "C2",
    nameVi: "Hoàn thành xuất sắc nhiệm vụ được giao",
    nameEn: "Excellent performance of assigned duties",
    shortVi: "Hoàn thành xuất sắc nhiệm vụ",
    shortEn: "Excellent at assigned work",
  },
  {
    number: 3,
    code: "C3",
    nameVi: "Có mô hình mới, cách làm hay, sáng kiến, giải pháp sáng tạo mang lại hiệu quả thiết thực",
    nameEn: "Has a new model, good practice, initiative or creative solution with real, practical results",
    shortVi: "Mô hình mới, sáng kiến",
    shortEn: "New model or initiative",
  },
  {
    number: 4,
    code: "C4",
    nameVi:
      "Có tinh thần tương thân tương ái, giúp đỡ mọi người; tích cực tham gia hoạt động xã hội, nhân đạo, từ thiện",
    nameEn: "Shows mutual care and helps others; active in social, humanitarian and charity work",
    shortVi: "Tương thân tương ái, từ thiện",
    shortEn: "Helping others, charity",
  },
];

export const movements: MovementSeed[] = [
  {
    code: "M01",
    nameVi: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    nameEn: "Studying and following Ho Chi Minh's thought, ethics and style",
    responsibleUnit: "Ban Tuyên giáo",
  },
  {
    code: "M02",
    nameVi: "Dân vận khéo",
    nameEn: "Skilful mass mobilisation",
    responsibleUnit: "Ban Dân vận",
  },
  {
    code: "M03",
    nameVi: "Chung sức xây dựng nông thôn mới",
    nameEn: "Joining hands to build new rural areas",
    responsibleUnit: "Văn phòng Điều phối nông thôn mới",
  },
  {
    code: "M04",
    nameVi: "Vì người nghèo – Không để ai bị bỏ lại phía sau",
    nameEn: "For the poor – Leave no one behind",
    responsibleUnit: "Ủy ban Mặt trận Tổ quốc Việt Nam",
  },
  {
    code: "M05",
    nameVi: "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    nameEn: "Officials, civil servants and public employees emulate in practising public-office culture",
    responsibleUnit: "Phòng Nội vụ",
  },
  {
    code: "M06",
    nameVi: "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
    nameEn: "Developing comprehensive, modern infrastructure; practising thrift and fighting waste",
    responsibleUnit: "Phòng Kinh tế và Hạ tầng",
  },
  {
    code: "M07",
    nameVi: "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023–2030",
    nameEn: "Nationwide emulation to build a learning society and promote lifelong learning, 2023–2030",
    startsOn: "2023-01-01",
    endsOn: "2030-12-31",
    responsibleUnit: "Hội Khuyến học",
  },
  {
    code: "M08",
    nameVi: "Đẩy mạnh cải cách hành chính",
    nameEn: "Stepping up administrative reform",
    responsibleUnit: "Phòng Nội vụ",
  },
  {
    code: "M09",
    nameVi: "Toàn dân bảo vệ an ninh Tổ quốc",
    nameEn: "All people protect national security",
    responsibleUnit: "Công an",
  },
  {
    code: "M10",
    nameVi: "Bảo vệ môi trường, chống rác thải nhựa",
    nameEn: "Protecting the environment, fighting plastic waste",
    responsibleUnit: "Phòng Tài nguyên và Môi trường",
  },
  {
    code: "M11",
    nameVi: "Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư",
    nameEn: "All people unite to build a cultural life in residential areas",
    responsibleUnit: "Ủy ban Mặt trận Tổ quốc Việt Nam",
  },
];

export const blocks: BlockSeed[] = [
  { code: "KHOI-XA", name: "Khối thi đua các xã, thị trấn" },
  { code: "KHOI-CQ", name: "Khối thi đua các cơ quan chuyên môn" },
  { code: "KHOI-PCM", name: "Khối thi đua các phòng chuyên môn thuộc Cơ sở" },
];

/** `count` hamlets "Khu 1".."Khu n" of a commune, coded `<commune>-K<n>`. */
function hamlets(communeCode: string, count: number): UnitSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `${communeCode}-K${i + 1}`,
    name: `Khu ${i + 1}`,
    kind: "HAMLET" as const,
  }));
}

export const units: UnitSeed[] = [
  {
    code: "PT",
    name: "Tỉnh Phú Thọ",
    kind: "PROVINCE",
    children: [
      {
        code: "PT-LT",
        name: "Huyện Lâm Thao",
        kind: "DISTRICT",
        children: [
          {
            code: "PT-LT-LAMTHAO",
            name: "Thị trấn Lâm Thao",
            kind: "COMMUNE",
            block: "KHOI-XA",
            children: hamlets("PT-LT-LAMTHAO", 3),
          },
          {
            code: "PT-LT-SONVI",
            name: "Xã Sơn Vi",
            kind: "COMMUNE",
            block: "KHOI-XA",
            children: hamlets("PT-LT-SONVI", 3),
          },
          {
            code: "PT-LT-XUANLUNG",
            name: "Xã Xuân Lũng",
            kind: "COMMUNE",
            block: "KHOI-XA",
            children: hamlets("PT-LT-XUANLUNG", 3),
          },
          {
            code: "PT-LT-TIENKIEN",
            name: "Xã Tiên Kiên",
            kind: "COMMUNE",
            block: "KHOI-XA",
            children: hamlets("PT-LT-TIENKIEN", 3),
          },
          { code: "PT-LT-PNV", name: "Phòng Nội vụ", kind: "DEPARTMENT", block: "KHOI-CQ" },
          { code: "PT-LT-PVHTT", name: "Phòng Văn hóa và Thông tin", kind: "DEPARTMENT", block: "KHOI-CQ" },
          { code: "PT-LT-PTCKH", name: "Phòng Tài chính – Kế hoạch", kind: "DEPARTMENT", block: "KHOI-CQ" },
          {
            code: "PT-LT-TTVHTT",
            name: "Trung tâm Văn hóa, Thể thao, Du lịch và Truyền thông",
            kind: "DEPARTMENT",
            block: "KHOI-CQ",
          },
        ],
      },
    ],
  },
  {
    code: "SL-DTN",
    name: "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",
    kind: "AGENCY",
    children: [
      {
        code: "SL-DTN-TCHC",
        name: "Phòng Tổ chức – Hành chính – Kế toán",
        kind: "DEPARTMENT",
        block: "KHOI-PCM",
      },
      {
        code: "SL-DTN-YTPH",
        name: "Phòng Y tế – Phục hồi",
        kind: "DEPARTMENT",
        block: "KHOI-PCM",
      },
      {
        code: "SL-DTN-GDDN",
        name: "Phòng Giáo dục Dạy nghề – Tư vấn hòa nhập cộng đồng",
        kind: "DEPARTMENT",
        block: "KHOI-PCM",
      },
    ],
  },
];
